import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { Panel } from '@/components/dashboard/panel';
import { PagedTable } from '@/components/data-table/paged-table';
import type { ColumnSpec } from '@/components/data-table/spec-cell';
import { pageRows, rowsParams } from '@/lib/lists/rows';
import { managerDayRows } from '@/lib/dashboard/tables';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { getMissedReasons } from '@/db/queries/dashboard';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';

type Ctx = Awaited<ReturnType<typeof loadDashboard>>;

export default async function VisitCompliancePage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await loadDashboard(searchParams);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <Suspense fallback={<PanelSkeleton height={420} />}>
          <PerDay ctx={ctx} />
        </Suspense>
      </div>
      <Suspense fallback={<PanelSkeleton />}>
        <Missed ctx={ctx} />
      </Suspense>
    </div>
  );
}

async function PerDay({ ctx }: { ctx: Ctx }) {
  const [t, td, rows] = await Promise.all([getTranslations('dash.visit'), getTranslations('dash'), managerDayRows(ctx)]);
  const columns: ColumnSpec[] = [
    { key: 'day', header: t('day') },
    { key: 'manager', header: td('manager'), kind: 'link', hrefKey: 'managerHref' },
    { key: 'made', header: t('made'), kind: 'number' },
    { key: 'standard', header: t('standard'), kind: 'badge', variantKey: 'standardVariant' },
    { key: 'short', header: t('short'), kind: 'number' },
    { key: 'firstStart', header: t('firstStart') },
    { key: 'lastEnd', header: t('lastEnd') },
  ];
  const keys = columns.map((c) => c.key);
  return (
    <Panel title={t('perDay')} testId="visits-per-day">
      <PagedTable
        testId="visits-per-day-table"
        emptyText={td('empty')}
        exportPath="/api/v1/export/dashboard/manager-days"
        columns={columns}
        {...pageRows(rows, rowsParams(ctx.sp, keys), keys)}
      />
    </Panel>
  );
}

async function Missed({ ctx }: { ctx: Ctx }) {
  const [t, tr, reasons] = await Promise.all([getTranslations('dash.visit'), getTranslations('today.reasons'), getMissedReasons(ctx.db, ctx.user, ctx.f, ctx.f.range)]);
  const keys = ['closed', 'owner_absent', 'relocated', 'other'] as const;
  return (
    <Panel title={t('missedReasons')} testId="visits-missed">
      <BarChart data={keys.map((k) => ({ label: tr(k), n: reasons.get(k) ?? 0 }))} series={[{ key: 'n', name: t('missedReasons') }]} testId="chart-missed" />
    </Panel>
  );
}
