import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { drillHref, Panel } from '@/components/dashboard/panel';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getAgreementRows, getPeriodSums, getTargets } from '@/db/queries/dashboard';
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
  const p = { kind: 'month' as const, start: month };
  const [t, td, sums, targets, calendar] = await Promise.all([
    getTranslations('dash.target'),
    getTranslations('dash'),
    getPeriodSums(ctx.db, ctx.user, ctx.f, [p], 'manager'),
    getTargets(ctx.db, ctx.user, ctx.f, month, 'manager'),
    getWorkCalendar(ctx.db),
  ]);
  const days = eachDay(month, addDays(periodEnd(p), -1)).filter((d) => isWorkingDay(d, calendar));
  const time = m.timeProgress(days.filter((d) => d <= ctx.today).length, days.length);
  const rows = ctx.f.org.managers
    .filter((mg) => !ctx.f.managerIds || ctx.f.managerIds.includes(mg.id))
    .map((mg) => {
      const s = sums.get(String(mg.id));
      const tg = targets.get(String(mg.id));
      return {
        ...mg,
        target: tg?.qty ?? 0,
        purchases: s?.purchases ?? 0,
        completion: m.targetCompletion(s?.purchases ?? 0, tg?.qty ?? 0),
        amount: m.targetCompletion(s?.purchasesFen ?? 0, tg?.amountFen ?? 0),
        fill: m.orderFillRate(s?.purchases ?? 0, s?.ordered ?? 0),
        quota: m.quotaFillRate(s?.ordered ?? 0, s?.quota ?? 0),
      };
    })
    .sort((a, b) => (a.completion ?? 0) - (b.completion ?? 0));
  return (
    <Panel title={`${t('byManager')}（${month.slice(0, 7)}）`} hint={`${t('time')} ${pct(time)}`} testId="targets-by-manager">
      <BarChart data={rows.map((r) => ({ label: r.name, completion: r.completion, time }))} series={[{ key: 'completion', name: t('completion') }, { key: 'time', name: t('time') }]} percent testId="chart-targets" />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{td('manager')}</TableHead>
            <TableHead className="text-right">{t('target')}</TableHead>
            <TableHead className="text-right">{t('purchases')}</TableHead>
            <TableHead className="text-right">{t('completion')}</TableHead>
            <TableHead className="text-right">{t('amount')}</TableHead>
            <TableHead className="text-right">{t('fill')}</TableHead>
            <TableHead className="text-right">{t('quota')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-manager={r.id}>
              <TableCell>
                <Link className="text-primary hover:underline" href={drillHref('/dashboard/targets', ctx.sp, { manager: String(r.id), team: String(r.teamId) })}>
                  {r.name}
                </Link>{' '}
                {r.completion !== null && time !== null && r.completion < time && <Badge variant="warning">▼</Badge>}
              </TableCell>
              <TableCell className="text-right tabular-nums">{r.target}</TableCell>
              <TableCell className="text-right tabular-nums">{r.purchases}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid={`target-completion-${r.id}`}>
                {pct(r.completion)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{pct(r.amount)}</TableCell>
              <TableCell className="text-right tabular-nums">{pct(r.fill)}</TableCell>
              <TableCell className="text-right tabular-nums">{pct(r.quota)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
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
