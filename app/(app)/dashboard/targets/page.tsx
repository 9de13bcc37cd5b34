import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { Panel, query } from '@/components/dashboard/panel';
import { LocalDataTable } from '@/components/data-table/local-data-table';
import { targetManagerRows } from '@/lib/dashboard/tables';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { getAgreementRows } from '@/db/queries/dashboard';
import { periodEnd } from '@/db/rollups';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import { pct } from '@/lib/dashboard/format';
import * as m from '@/lib/metrics';
import { getWorkCalendar } from '@/lib/settings';
import { addDays, eachDay, isWorkingDay, monthStart } from '@/lib/time';

type Ctx = Awaited<ReturnType<typeof loadDashboard>>;

export default async function TargetsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await loadDashboard(searchParams);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <Suspense fallback={<PanelSkeleton height={420} />}>
          <ByManager ctx={ctx} />
        </Suspense>
      </div>
      <Suspense fallback={<PanelSkeleton />}>
        <Agreement ctx={ctx} />
      </Suspense>
    </div>
  );
}

async function ByManager({ ctx }: { ctx: Ctx }) {
  const month = monthStart(ctx.f.period.start);
  const [t, td, { rows, time }] = await Promise.all([getTranslations('dash.target'), getTranslations('dash'), targetManagerRows(ctx)]);
  return (
    <Panel title={`${t('byManager')}（${month.slice(0, 7)}）`} hint={`${t('time')} ${pct(time)}`} testId="targets-by-manager">
      <BarChart data={rows.map((r) => ({ label: r.manager, completion: r.completion, time }))} series={[{ key: 'completion', name: t('completion') }, { key: 'time', name: t('time') }]} percent testId="chart-targets" />
      <LocalDataTable
        testId="targets-table"
        emptyText={td('empty')}
        exportPath={`/api/v1/export/dashboard/target-managers?${query(ctx.sp)}`}
        rows={rows}
        columns={[
          { key: 'manager', header: td('manager'), kind: 'link', hrefKey: 'managerHref' },
          { key: 'behind', header: t('time') },
          { key: 'target', header: t('target'), kind: 'number' },
          { key: 'purchases', header: t('purchases'), kind: 'number' },
          { key: 'completion', header: t('completion'), kind: 'percent' },
          { key: 'amount', header: t('amount'), kind: 'percent' },
          { key: 'fill', header: t('fill'), kind: 'percent' },
          { key: 'quota', header: t('quota'), kind: 'percent' },
        ]}
      />
    </Panel>
  );
}

async function Agreement({ ctx }: { ctx: Ctx }) {
  const month = monthStart(ctx.f.period.start);
  const p = { kind: 'month' as const, start: month };
  const [t, rows, calendar] = await Promise.all([getTranslations('dash.target'), getAgreementRows(ctx.db, ctx.user, ctx.f, month), getWorkCalendar(ctx.db)]);
  const days = eachDay(month, addDays(periodEnd(p), -1)).filter((d) => isWorkingDay(d, calendar));
  const expected = m.timeProgress(days.filter((d) => d <= ctx.today).length, days.length) ?? 1;
  const counts = { behind: 0, on_track: 0, ahead: 0 };
  for (const r of rows) {
    const band = m.agreementBand(m.agreementProgress(r.bought, r.agreed), expected, r.small ? ctx.settings.agreementToleranceSmall : ctx.settings.agreementTolerance);
    if (band) counts[band]++;
  }
  return (
    <Panel title={t('agreement')} hint={`${t('time')} ${pct(expected)}`} testId="targets-agreement">
      <BarChart data={(['behind', 'on_track', 'ahead'] as const).map((b) => ({ label: t(`agreementBands.${b}`), n: counts[b] }))} series={[{ key: 'n', name: t('agreement') }]} testId="chart-agreement" />
    </Panel>
  );
}
