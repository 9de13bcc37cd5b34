import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DailyFigures } from '@/components/reports/daily-figures';
import { DailyReportForm } from '@/components/reports/daily-report-form';
import { ReviewBanner, ReviewHistory, StatusBadge, TextBlock } from '@/components/reports/report-parts';
import { Card, CardContent } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getOwnDailyReport, getReviewHistory } from '@/db/queries/reports';
import { computeDailyFigures, type DailyFigures as Figures } from '@/db/reports';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import { isoWeekday } from '@/lib/time';

export async function generateMetadata({ params }: { params: Promise<{ day: string }> }) {
  const t = await getTranslations('reports');
  return { title: t('dailyHeading', { date: (await params).day }) };
}

export default async function DailyReportPage({ params }: { params: Promise<{ day: string }> }) {
  const user = await requireRole('manager');
  const { day } = await params;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)) || day > today()) notFound();
  const db = await getDb();
  const settings = await getSettings(db);
  const [report, live] = await Promise.all([getOwnDailyReport(db, user.userId, day), computeDailyFigures(db, user.userId, day, settings)]);
  const history = report ? await getReviewHistory(db, 'daily_report', report.id) : [];
  const t = await getTranslations();
  const frozen = report && report.status !== 'draft' && report.computed && 'missedShops' in report.computed ? (report.computed as unknown as Figures) : null;
  const status = report?.status ?? 'draft';
  const editable = status === 'draft' || status === 'returned';
  const reasonLabel = (m: Figures['missedShops'][number]) =>
    m.reason ? `${t(`today.reasons.${m.reason as 'closed'}`)}${m.note ? `：${m.note}` : ''}` : '';

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Toaster />
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{t('reports.dailyHeading', { date: `${day} ${t(`weekday.${isoWeekday(day)}`)}` })}</h1>
        <StatusBadge status={status} late={report?.late} />
        <Link href="/reports" className="ml-auto text-sm text-primary hover:underline">
          {t('reports.heading')}
        </Link>
      </div>
      <ReviewBanner status={status} comment={report?.reviewComment ?? null} />
      <Card>
        <CardContent className="pt-2">
          <DailyFigures shown={frozen ?? live} live={live} frozen={!!frozen} />
          <p className="pt-2 text-xs text-muted-foreground">{frozen ? t('reports.changedNote') : t('reports.computedNote')}</p>
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-4">
          {editable ? (
            <DailyReportForm
              day={day}
              missed={live.missedShops.map((m) => ({ retailerId: m.retailerId, name: m.name, reason: report?.missedReasons[String(m.retailerId)] ?? reasonLabel(m) }))}
              commonIssues={report?.commonIssues ?? ''}
              gains={report?.gains ?? ''}
            />
          ) : (
            <div>
              <div className="space-y-1 border-b py-3">
                <h3 className="text-sm font-medium">{t('reports.items.missed')}</h3>
                {(frozen?.missedShops ?? []).length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t('reports.figures.noMissed')}</p>
                ) : (
                  <ul className="text-sm" data-testid="missed-reasons">
                    {frozen!.missedShops.map((m) => (
                      <li key={m.retailerId}>
                        {m.name}：{report?.missedReasons[String(m.retailerId)] ?? '—'}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <TextBlock label={t('reports.items.commonIssues')} text={report?.commonIssues ?? ''} testId="common-issues" />
              <TextBlock label={t('reports.items.gains')} text={report?.gains ?? ''} testId="gains" />
              <p className="pt-2 text-xs text-muted-foreground">{t('reports.readOnly')}</p>
            </div>
          )}
        </CardContent>
      </Card>
      <ReviewHistory events={history} />
    </div>
  );
}
