import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReviewHistory, StatusBadge, TextBlock } from '@/components/reports/report-parts';
import { ReviewForm } from '@/components/reports/review-form';
import { SummaryFigures } from '@/components/reports/summary-figures';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { getReviewHistory, getTeamSummary } from '@/db/queries/reports';
import { computeSummaryFigures, type SummaryFigures as Figures } from '@/db/reports';
import { periodEnd } from '@/db/rollups';
import { requireRole } from '@/lib/auth/dal';
import { periodOfSummary } from '@/lib/reports/workflow';
import { getSettings } from '@/lib/settings';
import { addDays } from '@/lib/time';

export default async function ReviewSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('supervisor');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const row = await getTeamSummary(db, user, id);
  if (!row) notFound();
  const settings = await getSettings(db);
  const period = periodOfSummary(row.kind, row.periodStart);
  const [live, history] = await Promise.all([computeSummaryFigures(db, row.managerId, period, settings), getReviewHistory(db, 'summary', id)]);
  const [t, tr] = await Promise.all([getTranslations('reports'), getTranslations()]);
  const frozen = row.status !== 'draft' && row.computed && 'from' in row.computed ? (row.computed as unknown as Figures) : null;
  const heading = row.kind === 'weekly' ? t('weeklyHeading', { from: row.periodStart, to: addDays(periodEnd(period), -1) }) : t('monthlyHeading', { month: row.periodStart.slice(0, 7) });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">
          {row.managerName} · {heading}
        </h1>
        <StatusBadge status={row.status} late={row.late} />
        <Link href="/reviews" className="ml-auto text-sm text-primary hover:underline">
          {tr('reviews.heading')}
        </Link>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('stats')}</CardTitle>
        </CardHeader>
        <CardContent>
          <SummaryFigures shown={frozen ?? live} live={live} frozen={!!frozen} />
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-2">
          <TextBlock label={t('analysis')} text={row.analysis} testId="analysis" />
        </CardContent>
      </Card>
      {row.status === 'submitted' && (
        <Card>
          <CardHeader>
            <CardTitle>{t('reviewComment')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ReviewForm subject="summary" id={row.id} />
          </CardContent>
        </Card>
      )}
      <ReviewHistory events={history} />
    </div>
  );
}
