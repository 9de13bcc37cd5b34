import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/bar-chart';
import { drillHref, Panel } from '@/components/dashboard/panel';
import { PanelSkeleton } from '@/components/dashboard/skeletons';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getManagerDays, getMissedReasons } from '@/db/queries/dashboard';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import { formatTime } from '@/lib/format';

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
  const [t, td, tt, rows] = await Promise.all([getTranslations('dash.visit'), getTranslations('dash'), getTranslations('table'), getManagerDays(ctx.db, ctx.user, ctx.f, ctx.f.period)]);
  const names = new Map(ctx.f.org.managers.map((mg) => [mg.id, mg]));
  const std = (area: string | null) => (area === 'rural' ? ctx.settings.visitStandardRural : ctx.settings.visitStandardCity);
  const made = rows.filter((r) => r.made > 0 || r.planned > 0);
  const qs = new URLSearchParams(Object.entries(ctx.sp).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <Panel title={t('perDay')} testId="visits-per-day">
      <div className="mb-2 flex justify-end gap-2">
        <a className="text-sm text-primary underline" href={`/api/v1/export/dashboard/manager-days?${qs}${qs ? '&' : ''}format=csv`} download>
          {tt('exportCsv')}
        </a>
        <a className="text-sm text-primary underline" href={`/api/v1/export/dashboard/manager-days?${qs}${qs ? '&' : ''}format=xlsx`} download>
          {tt('exportXlsx')}
        </a>
      </div>
      {made.length === 0 ? (
        <p className="text-sm text-muted-foreground">{td('empty')}</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('day')}</TableHead>
              <TableHead>{td('manager')}</TableHead>
              <TableHead className="text-right">{t('made')}</TableHead>
              <TableHead className="text-right">{t('standard')}</TableHead>
              <TableHead className="text-right">{t('short')}</TableHead>
              <TableHead>{t('firstStart')}</TableHead>
              <TableHead>{t('lastEnd')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {made.map((r) => {
              const met = r.made >= std(r.area);
              const mg = names.get(r.managerId);
              return (
                <TableRow key={`${r.day}-${r.managerId}`} data-manager={r.managerId} data-day={r.day}>
                  <TableCell className="tabular-nums">{r.day}</TableCell>
                  <TableCell>
                    <Link className="text-primary hover:underline" href={drillHref('/dashboard/visits', ctx.sp, { manager: String(r.managerId), team: mg ? String(mg.teamId) : undefined })}>
                      {mg?.name ?? r.managerId}
                    </Link>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{r.made}</TableCell>
                  <TableCell className="text-right">
                    <Badge variant={met ? 'success' : 'warning'}>
                      {met ? '▲' : '▼'} {std(r.area)}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{r.short}</TableCell>
                  <TableCell className="tabular-nums">{formatTime(r.firstStart)}</TableCell>
                  <TableCell className="tabular-nums">{formatTime(r.lastEnd)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
}

async function Missed({ ctx }: { ctx: Ctx }) {
  const [t, tr, reasons] = await Promise.all([getTranslations('dash.visit'), getTranslations('today.reasons'), getMissedReasons(ctx.db, ctx.user, ctx.f, ctx.f.period)]);
  const keys = ['closed', 'owner_absent', 'relocated', 'other'] as const;
  return (
    <Panel title={t('missedReasons')} testId="visits-missed">
      <BarChart data={keys.map((k) => ({ label: tr(k), n: reasons.get(k) ?? 0 }))} series={[{ key: 'n', name: t('missedReasons') }]} testId="chart-missed" />
    </Panel>
  );
}
