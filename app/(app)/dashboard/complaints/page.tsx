import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { Panel } from '@/components/dashboard/panel';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getComplaintBacklog, getComplaintWeeks, lastPeriods } from '@/db/queries/dashboard';
import { getComplaintCategories } from '@/db/queries/visits';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import { pct } from '@/lib/dashboard/format';
import * as m from '@/lib/metrics';

type Ctx = Awaited<ReturnType<typeof loadDashboard>>;

export default async function ComplaintDashboard({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await loadDashboard(searchParams);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <Suspense fallback={<PanelSkeleton />}>
          <Weekly ctx={ctx} />
        </Suspense>
      </div>
      <Suspense fallback={<PanelSkeleton />}>
        <Backlog ctx={ctx} />
      </Suspense>
    </div>
  );
}

async function Weekly({ ctx }: { ctx: Ctx }) {
  const weeks = lastPeriods({ kind: 'week', start: ctx.f.period.kind === 'week' ? ctx.f.period.start : ctx.f.period.start }, 8).map((p) => p.start);
  const [t, rows, cats] = await Promise.all([getTranslations('dash.complaint'), getComplaintWeeks(ctx.db, ctx.user, ctx.f, weeks), getComplaintCategories(ctx.db)]);
  const byWeek = weeks.map((w) => {
    const r: Record<string, string | number | null> = { label: w.slice(5) };
    const inWeek = rows.filter((x) => x.weekStart === w);
    for (const c of cats) r[c.code] = inWeek.find((x) => x.category === c.code)?.opened ?? 0;
    const sum = (k: 'resolved' | 'resolvedOnTime' | 'followedUp' | 'satisfied') => inWeek.reduce((a, x) => a + x[k], 0);
    r.onTime = m.complaintOnTime(sum('resolvedOnTime'), sum('resolved'));
    r.satisfaction = m.complaintSatisfaction(sum('satisfied'), sum('followedUp'));
    r.opened = inWeek.reduce((a, x) => a + x.opened, 0);
    r.resolved = sum('resolved');
    return r;
  });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title={t('byCategory')} testId="complaints-by-category">
        <BarChart data={byWeek} series={cats.map((c) => ({ key: c.code, name: c.nameZh }))} stacked testId="chart-complaints-by-category" />
      </Panel>
      <Panel title={`${t('onTime')} / ${t('satisfaction')}`} testId="complaints-rates">
        <LineChart data={byWeek} series={[{ key: 'onTime', name: t('onTime') }, { key: 'satisfaction', name: t('satisfaction') }]} percent testId="chart-complaint-rates" />
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead />
              {byWeek.map((w) => (
                <TableHead key={String(w.label)} className="text-right">
                  {w.label}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {(['opened', 'resolved'] as const).map((k) => (
              <TableRow key={k}>
                <TableCell>{t(k)}</TableCell>
                {byWeek.map((w) => (
                  <TableCell key={String(w.label)} className="text-right tabular-nums">
                    {w[k]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {(['onTime', 'satisfaction'] as const).map((k) => (
              <TableRow key={k}>
                <TableCell>{t(k)}</TableCell>
                {byWeek.map((w) => (
                  <TableCell key={String(w.label)} className="text-right tabular-nums" data-testid={`complaint-${k}-${w.label}`}>
                    {pct(w[k] as number | null)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Panel>
    </div>
  );
}

async function Backlog({ ctx }: { ctx: Ctx }) {
  const [t, ts, backlog] = await Promise.all([getTranslations('dash.complaint'), getTranslations('complaintStatus'), getComplaintBacklog(ctx.db, ctx.user, ctx.f)]);
  const statuses = ['received', 'assigned', 'investigating', 'resolved', 'replied'] as const;
  return (
    <Panel title={t('backlog')} testId="complaints-backlog">
      <BarChart data={statuses.map((s) => ({ label: ts(s), n: backlog.get(s) ?? 0 }))} series={[{ key: 'n', name: t('backlog') }]} testId="chart-backlog" />
      <p className="text-sm" data-testid="complaints-backlog-total">
        ∑ {[...backlog.values()].reduce((a, b) => a + b, 0)}
      </p>
    </Panel>
  );
}
