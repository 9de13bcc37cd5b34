import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DailyFigures } from '@/components/reports/daily-figures';
import { ReviewHistory, StatusBadge, TextBlock } from '@/components/reports/report-parts';
import { ReviewForm } from '@/components/reports/review-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { getReviewHistory, getTeamDailyReport } from '@/db/queries/reports';
import { computeDailyFigures, type DailyFigures as Figures } from '@/db/reports';
import { requireRole } from '@/lib/auth/dal';
import { getSettings } from '@/lib/settings';
import { isoWeekday } from '@/lib/time';

export default async function ReviewDailyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('supervisor');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const report = await getTeamDailyReport(db, user, id);
  if (!report) notFound();
  const settings = await getSettings(db);
  const [live, history] = await Promise.all([computeDailyFigures(db, report.managerId, report.day, settings), getReviewHistory(db, 'daily_report', id)]);
  const t = await getTranslations();
  const frozen = report.status !== 'draft' && report.computed && 'missedShops' in report.computed ? (report.computed as unknown as Figures) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">
          {report.managerName} · {t('reports.dailyHeading', { date: `${report.day} ${t(`weekday.${isoWeekday(report.day)}`)}` })}
        </h1>
        <StatusBadge status={report.status} late={report.late} />
        <Link href="/reviews" className="ml-auto text-sm text-primary hover:underline">
          {t('reviews.heading')}
        </Link>
      </div>
      <Card>
        <CardContent className="pt-2">
          <DailyFigures shown={frozen ?? live} live={live} frozen={!!frozen} />
          {frozen && <p className="pt-2 text-xs text-muted-foreground">{t('reports.changedNote')}</p>}
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-2">
          <div className="space-y-1 border-b py-3">
            <h3 className="text-sm font-medium">{t('reports.items.missed')}</h3>
            {(frozen ?? live).missedShops.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('reports.figures.noMissed')}</p>
            ) : (
              <ul className="text-sm" data-testid="missed-reasons">
                {(frozen ?? live).missedShops.map((m) => (
                  <li key={m.retailerId}>
                    {m.name}：{report.missedReasons[String(m.retailerId)] ?? '—'}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <TextBlock label={t('reports.items.commonIssues')} text={report.commonIssues} testId="common-issues" />
          <TextBlock label={t('reports.items.gains')} text={report.gains} testId="gains" />
        </CardContent>
      </Card>
      {report.status === 'submitted' && (
        <Card>
          <CardHeader>
            <CardTitle>{t('reports.reviewComment')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ReviewForm subject="daily_report" id={report.id} />
          </CardContent>
        </Card>
      )}
      <ReviewHistory events={history} />
    </div>
  );
}
