import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { drillHref, Panel } from '@/components/dashboard/panel';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getPeriodSums, getShopStockRisk, getStockRetailers, lastPeriods } from '@/db/queries/dashboard';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import { num } from '@/lib/dashboard/format';
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
    Promise.all(periods.map((p) => getPeriodSums(db, user, f, [p], 'priceClass'))),
    getStockRetailers(db, user, f, periods, 'period'),
  ]);
  const classes = [1, 2, 3, 4, 5];
  const data = periods.map((p, i) => {
    const n = shops.get(p.start) ?? 0;
    const row: Record<string, string | number | null> = { label: p.start.slice(5) };
    for (const c of classes) row[`c${c}`] = m.averageStock(byClass[i].get(String(c))?.stockSum ?? 0, n);
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
  const [t, byBrand, shops] = await Promise.all([getTranslations('dash.inventory'), getPeriodSums(db, user, f, [f.period], 'brand'), getStockRetailers(db, user, f, [f.period])]);
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
  const { db, f, settings, today, sp } = ctx;
  const t = await getTranslations('dash');
  const managerIds = f.managerIds ?? f.org.managers.map((x) => x.id);
  const names = new Map(f.org.managers.map((x) => [x.id, x.name]));
  const rows = (await getShopStockRisk(db, f, managerIds, today))
    .map((r) => {
      const days = m.daysOfStock(r.stock, r.sales28);
      const weeks = m.stockToSales(days);
      return { ...r, days, weeks, band: m.stockBand(weeks, { low: settings.stockToSalesLow, high: settings.stockToSalesHigh, over: settings.stockToSalesOver }) };
    })
    .filter((r) => r.band === 'over' || r.band === 'low' || r.band === 'high')
    .sort((a, b) => (b.weeks ?? Infinity) - (a.weeks ?? Infinity));
  return (
    <Panel title={t('inventory.risk')} hint={t('inventory.riskHint', { low: settings.stockToSalesLow, high: settings.stockToSalesHigh, over: settings.stockToSalesOver })} testId="inventory-risk">
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('shop')}</TableHead>
              <TableHead>{t('manager')}</TableHead>
              <TableHead className="text-right">{t('inventory.latestStock')}</TableHead>
              <TableHead className="text-right">{t('inventory.dailySales')}</TableHead>
              <TableHead className="text-right">{t('inventory.days')}</TableHead>
              <TableHead className="text-right">{t('inventory.weeks')}</TableHead>
              <TableHead>{t('inventory.band')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, 50).map((r) => (
              <TableRow key={r.retailerId}>
                <TableCell>
                  <Link className="text-primary hover:underline" href={`/retailers/${r.retailerId}`}>
                    {r.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <Link className="hover:underline" href={drillHref('/dashboard/inventory', sp, { manager: String(r.managerId) })}>
                    {names.get(r.managerId)}
                  </Link>
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.stock}</TableCell>
                <TableCell className="text-right tabular-nums">{num(r.sales28 / 28, 2)}</TableCell>
                <TableCell className="text-right tabular-nums">{num(r.days, 0)}</TableCell>
                <TableCell className="text-right tabular-nums">{num(r.weeks, 2)}</TableCell>
                <TableCell>{r.band ? <Badge variant={r.band === 'over' || r.band === 'low' ? 'destructive' : 'warning'}>{t(`inventory.bands.${r.band}`)}</Badge> : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
}
