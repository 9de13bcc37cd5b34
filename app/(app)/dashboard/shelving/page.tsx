import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { Panel, query } from '@/components/dashboard/panel';
import { LocalDataTable } from '@/components/data-table/local-data-table';
import { shelvingManagerRows } from '@/lib/dashboard/tables';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getPeriodSums, lastPeriods } from '@/db/queries/dashboard';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import { pct } from '@/lib/dashboard/format';
import * as m from '@/lib/metrics';

type Ctx = Awaited<ReturnType<typeof loadDashboard>>;

export default async function ShelvingPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await loadDashboard(searchParams);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Suspense fallback={<PanelSkeleton />}>
        <ByBrand ctx={ctx} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton />}>
        <OverTime ctx={ctx} />
      </Suspense>
      <div className="lg:col-span-2">
        <Suspense fallback={<PanelSkeleton height={360} />}>
          <ByManager ctx={ctx} />
        </Suspense>
      </div>
    </div>
  );
}

async function ByBrand({ ctx }: { ctx: Ctx }) {
  const [t, sums] = await Promise.all([getTranslations('dash.shelf'), getPeriodSums(ctx.db, ctx.user, ctx.f, ctx.f.periods, 'brand', 'visits')]);
  const data = [...sums.entries()]
    .filter(([, s]) => s.eligible > 0)
    .map(([brand, s]) => ({ label: brand, rate: m.shelvingRate(s.shelved, s.eligible), eligible: s.eligible, shelved: s.shelved }))
    .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  return (
    <Panel title={t('byBrand')} testId="shelf-by-brand">
      <BarChart data={data} series={[{ key: 'rate', name: t('rate') }]} percent testId="chart-shelf-by-brand" />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('byBrand')}</TableHead>
            <TableHead className="text-right">{t('eligible')}</TableHead>
            <TableHead className="text-right">{t('shelved')}</TableHead>
            <TableHead className="text-right">{t('rate')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.map((r) => (
            <TableRow key={r.label} data-brand={r.label}>
              <TableCell>{r.label}</TableCell>
              <TableCell className="text-right tabular-nums">{r.eligible}</TableCell>
              <TableCell className="text-right tabular-nums">{r.shelved}</TableCell>
              <TableCell className="text-right tabular-nums">{pct(r.rate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}

async function OverTime({ ctx }: { ctx: Ctx }) {
  const periods = lastPeriods(ctx.f.period, 8);
  const [t, sums] = await Promise.all([getTranslations('dash.shelf'), getPeriodSums(ctx.db, ctx.user, ctx.f, periods, 'period', 'visits')]);
  const data = periods.map((p) => ({ label: p.start.slice(5), rate: m.shelvingRate(sums.get(p.start)?.shelved ?? 0, sums.get(p.start)?.eligible ?? 0) }));
  return (
    <Panel title={t('overTime')} testId="shelf-over-time">
      <LineChart data={data} series={[{ key: 'rate', name: t('rate') }]} percent testId="chart-shelf-over-time" />
    </Panel>
  );
}

async function ByManager({ ctx }: { ctx: Ctx }) {
  const [t, td, rows] = await Promise.all([getTranslations('dash.shelf'), getTranslations('dash'), shelvingManagerRows(ctx)]);
  const total = rows.reduce<{ shelved: number; eligible: number }>((a, r) => ({ shelved: a.shelved + Number(r.shelved), eligible: a.eligible + Number(r.eligible) }), { shelved: 0, eligible: 0 });
  return (
    <Panel title={t('byManager')} testId="shelf-by-manager">
      <LocalDataTable
        testId="shelf-by-manager-table"
        emptyText={td('empty')}
        exportPath={`/api/v1/export/dashboard/shelving-managers?${query(ctx.sp)}`}
        rows={rows}
        columns={[
          { key: 'manager', header: td('manager'), kind: 'link', hrefKey: 'managerHref' },
          { key: 'eligible', header: t('eligible'), kind: 'number' },
          { key: 'shelved', header: t('shelved'), kind: 'number' },
          { key: 'rate', header: t('rate'), kind: 'percent' },
        ]}
      />
      <p className="mt-2 text-sm font-semibold">
        ∑ {t('eligible')} <span data-testid="shelf-total-eligible">{total.eligible}</span> · {t('shelved')}{' '}
        <span data-testid="shelf-total-shelved">{total.shelved}</span> · {t('rate')} <span data-testid="shelf-total-rate">{pct(m.shelvingRate(total.shelved, total.eligible))}</span>
      </p>
    </Panel>
  );
}
