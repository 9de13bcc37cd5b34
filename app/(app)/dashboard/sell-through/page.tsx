import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { FigureTable } from '@/components/dashboard/figure-table';
import { Panel } from '@/components/dashboard/panel';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { getMovingRate, getPeriodSums, getSpecOptions, lastPeriods } from '@/db/queries/dashboard';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import { pct } from '@/lib/dashboard/format';
import * as m from '@/lib/metrics';
import { monthStart } from '@/lib/time';

type Ctx = Awaited<ReturnType<typeof loadDashboard>>;

export default async function SellThroughPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await loadDashboard(searchParams);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Suspense fallback={<PanelSkeleton />}>
        <ByWeek ctx={ctx} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton />}>
        <Moving ctx={ctx} />
      </Suspense>
      <div className="lg:col-span-2">
        <Suspense fallback={<PanelSkeleton height={420} />}>
          <BySpec ctx={ctx} />
        </Suspense>
      </div>
    </div>
  );
}

async function ByWeek({ ctx }: { ctx: Ctx }) {
  const periods = lastPeriods(ctx.f.period, 8);
  const [t, sums] = await Promise.all([getTranslations('dash.sell'), getPeriodSums(ctx.db, ctx.user, ctx.f, periods, 'period', 'visits')]);
  const data = periods.map((p) => {
    const s = sums.get(p.start);
    return { label: p.start.slice(5), rate: s ? m.sellThrough(s.impliedSales, s.sellBase) : null };
  });
  return (
    <Panel title={t('byWeek')} testId="sell-by-week">
      <LineChart data={data} series={[{ key: 'rate', name: t('rate') }]} percent testId="chart-sell-by-week" />
    </Panel>
  );
}

async function Moving({ ctx }: { ctx: Ctx }) {
  const month = monthStart(ctx.f.period.start);
  const [t, rates, specs] = await Promise.all([getTranslations('dash.sell'), getMovingRate(ctx.db, ctx.user, ctx.f, month), getSpecOptions(ctx.db)]);
  const data = specs
    .filter((s) => rates.has(s.id) && (!ctx.f.specId || s.id === ctx.f.specId) && (!ctx.f.brand || s.brand === ctx.f.brand))
    .map((s) => ({ label: s.name, rate: m.skuMovingRate(rates.get(s.id)!.now, rates.get(s.id)!.d) }))
    .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))
    .slice(0, 15);
  return (
    <Panel title={t('moving')} hint={t('movingHint')} testId="sell-moving">
      <BarChart data={data} series={[{ key: 'rate', name: t('moving') }]} percent testId="chart-moving" />
    </Panel>
  );
}

async function BySpec({ ctx }: { ctx: Ctx }) {
  const [t, sums, specs] = await Promise.all([getTranslations('dash.sell'), getPeriodSums(ctx.db, ctx.user, ctx.f, ctx.f.periods, 'spec', 'visits'), getSpecOptions(ctx.db)]);
  const rows = specs
    .filter((s) => sums.has(String(s.id)))
    .map((s) => ({ spec: s, sums: sums.get(String(s.id))! }))
    .filter((r) => r.sums.sellBase > 0 || r.sums.negativePairs > 0)
    .sort((a, b) => (m.sellThrough(a.sums.impliedSales, a.sums.sellBase) ?? 0) - (m.sellThrough(b.sums.impliedSales, b.sums.sellBase) ?? 0));
  return (
    <Panel title={t('bySpec')} testId="sell-by-spec">
      <FigureTable
        head={[t('bySpec'), t('impliedSales'), t('base'), t('rate'), t('negative')]}
        numeric={1}
        rows={rows.map((r) => ({
          key: String(r.spec.id),
          data: { spec: String(r.spec.id) },
          cells: [r.spec.name, r.sums.impliedSales, r.sums.sellBase, { text: pct(m.sellThrough(r.sums.impliedSales, r.sums.sellBase)), testId: `sell-rate-${r.spec.id}` }, r.sums.negativePairs],
        }))}
      />
    </Panel>
  );
}
