import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { Panel } from '@/components/dashboard/panel';
import { PagedTable } from '@/components/data-table/paged-table';
import type { ColumnSpec } from '@/components/data-table/spec-cell';
import { pageRows, rowsParams } from '@/lib/lists/rows';
import { stockRiskRows } from '@/lib/dashboard/tables';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { getPeriodSums, getStockRetailers, lastPeriods } from '@/db/queries/dashboard';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import * as m from '@/lib/metrics';

type Ctx = Awaited<ReturnType<typeof loadDashboard>>;

export default async function InventoryPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await loadDashboard(searchParams);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Suspense fallback={<PanelSkeleton />}>
        <StockOverTime ctx={ctx} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton />}>
        <StockByBrand ctx={ctx} />
      </Suspense>
      <div className="lg:col-span-2">
        <Suspense fallback={<PanelSkeleton height={420} />}>
          <RiskTable ctx={ctx} />
        </Suspense>
      </div>
    </div>
  );
}

async function StockOverTime({ ctx }: { ctx: Ctx }) {
  const { db, user, f } = ctx;
  const periods = lastPeriods(f.period, 8);
  const [t, byClass, shops] = await Promise.all([
    getTranslations('dash.inventory'),
    getPeriodSums(db, user, f, periods, 'periodPriceClass', 'visits'),
    getStockRetailers(db, user, f, periods, 'period'),
  ]);
  const classes = [1, 2, 3, 4, 5];
  const data = periods.map((p) => {
    const n = shops.get(p.start) ?? 0;
    const row: Record<string, string | number | null> = { label: p.start.slice(5) };
    for (const c of classes) row[`c${c}`] = m.averageStock(byClass.get(`${p.start}|${c}`)?.stockSum ?? 0, n);
    return row;
  });
  return (
    <Panel title={t('byClass')} testId="inventory-by-class">
      <LineChart data={data} series={classes.map((c) => ({ key: `c${c}`, name: t('classN', { n: c }) }))} testId="chart-stock-by-class" />
    </Panel>
  );
}

async function StockByBrand({ ctx }: { ctx: Ctx }) {
  const { db, user, f } = ctx;
  const [t, byBrand, shops] = await Promise.all([getTranslations('dash.inventory'), getPeriodSums(db, user, f, [f.period], 'brand', 'visits'), getStockRetailers(db, user, f, [f.period])]);
  const n = shops.get('') ?? 0;
  const data = [...byBrand.entries()]
    .map(([brand, s]) => ({ label: brand, avg: m.averageStock(s.stockSum, n) }))
    .filter((r) => r.avg !== null && r.avg > 0)
    .sort((a, b) => (b.avg ?? 0) - (a.avg ?? 0))
    .slice(0, 15);
  return (
    <Panel title={t('byBrand')} testId="inventory-by-brand">
      <BarChart data={data} series={[{ key: 'avg', name: t('byBrand') }]} testId="chart-stock-by-brand" />
    </Panel>
  );
}

async function RiskTable({ ctx }: { ctx: Ctx }) {
  const [t, rows] = await Promise.all([getTranslations('dash'), stockRiskRows(ctx)]);
  const s = ctx.settings;
  const columns: ColumnSpec[] = [
    { key: 'shop', header: t('shop'), kind: 'link', hrefKey: 'shopHref' },
    { key: 'manager', header: t('manager'), kind: 'link', hrefKey: 'managerHref' },
    { key: 'stock', header: t('inventory.latestStock'), kind: 'number' },
    { key: 'dailySales', header: t('inventory.dailySales'), kind: 'number', digits: 2 },
    { key: 'days', header: t('inventory.days'), kind: 'number' },
    { key: 'weeks', header: t('inventory.weeks'), kind: 'number', digits: 2 },
    { key: 'band', header: t('inventory.band'), kind: 'badge', variantKey: 'bandVariant' },
  ];
  const keys = columns.map((c) => c.key);
  return (
    <Panel title={t('inventory.risk')} hint={t('inventory.riskHint', { low: s.stockToSalesLow, high: s.stockToSalesHigh, over: s.stockToSalesOver })} testId="inventory-risk">
      <PagedTable
        testId="inventory-risk-table"
        emptyText={t('empty')}
        exportPath="/api/v1/export/dashboard/stock-risk"
        columns={columns}
        {...pageRows(rows, rowsParams(ctx.sp, keys), keys)}
      />
    </Panel>
  );
}
