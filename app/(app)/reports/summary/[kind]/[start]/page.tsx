import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReviewBanner, ReviewHistory, StatusBadge, TextBlock } from '@/components/reports/report-parts';
import { SummaryFigures } from '@/components/reports/summary-figures';
import { SummaryForm } from '@/components/reports/summary-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getOwnSummary, getReviewHistory } from '@/db/queries/reports';
import { computeSummaryFigures, type SummaryFigures as Figures } from '@/db/reports';
import { periodEnd } from '@/db/rollups';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { periodOfSummary } from '@/lib/reports/workflow';
import { getSettings } from '@/lib/settings';
import { addDays, isoWeekday } from '@/lib/time';

const validStart = (kind: string, start: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(start) && !Number.isNaN(Date.parse(start)) && (kind === 'weekly' ? isoWeekday(start) === 1 : kind === 'monthly' && start.endsWith('-01'));

export default async function SummaryPage({ params }: { params: Promise<{ kind: string; start: string }> }) {
  const user = await requireRole('manager');
  const { kind, start } = await params;
  if (!validStart(kind, start)) notFound();
  const k = kind as 'weekly' | 'monthly';
  const period = periodOfSummary(k, start);
  if (start > today()) notFound();
  const db = await getDb();
  const settings = await getSettings(db);
  const [row, live] = await Promise.all([getOwnSummary(db, user.userId, k, start), computeSummaryFigures(db, user.userId, period, settings)]);
  const history = row ? await getReviewHistory(db, 'summary', row.id) : [];
  const t = await getTranslations('reports');
  const frozen = row && row.status !== 'draft' && row.computed && 'from' in row.computed ? (row.computed as unknown as Figures) : null;
  const status = row?.status ?? 'draft';
  const editable = status === 'draft' || status === 'returned';
  const ended = periodEnd(period) <= addDays(today(), 1);
  const heading = k === 'weekly' ? t('weeklyHeading', { from: start, to: addDays(periodEnd(period), -1) }) : t('monthlyHeading', { month: start.slice(0, 7) });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Toaster />
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{heading}</h1>
        <StatusBadge status={status} late={row?.late} />
        <Link href="/reports" className="ml-auto text-sm text-primary hover:underline">
          {t('heading')}
        </Link>
      </div>
      <ReviewBanner status={status} comment={row?.reviewComment ?? null} />
      <Card>
        <CardHeader>
          <CardTitle>{t('stats')}</CardTitle>
        </CardHeader>
        <CardContent>
          <SummaryFigures shown={frozen ?? live} live={live} frozen={!!frozen} />
          {frozen && <p className="pt-3 text-xs text-muted-foreground">{t('changedNote')}</p>}
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-4">
          {!ended ? (
            <p className="text-sm text-muted-foreground">{t('notEnded')}</p>
          ) : editable ? (
            <SummaryForm kind={k} periodStart={start} analysis={row?.analysis ?? ''} />
          ) : (
            <TextBlock label={t('analysis')} text={row?.analysis ?? ''} testId="analysis" />
          )}
        </CardContent>
      </Card>
      <ReviewHistory events={history} />
    </div>
  );
}
