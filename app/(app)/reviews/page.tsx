import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterSelect } from '@/components/data-table/filter-select';
import { LocalDataTable } from '@/components/data-table/local-data-table';
import { StatusBadge, statusVariants } from '@/components/reports/report-parts';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { getDb } from '@/db/index';
import { getScopeOrg } from '@/db/queries/dashboard';
import { getTeamPlans } from '@/db/queries/plan';
import { listTeamReports } from '@/db/queries/reports';
import { requireRole } from '@/lib/auth/dal';
import { now, today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { summaryDue } from '@/lib/reports/workflow';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { addDays, addMonths, eachDay, isWorkingDay, monthEnd, monthStart, weekStart, zonedTime } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('reviews');
  return { title: t('heading') };
}

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** Everything the team owes in a range: written reports with their state and the missing ones. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('supervisor');
  const sp = await searchParams;
  const day = today();
  const to = isDay(sp.to) && sp.to <= day ? sp.to : day;
  const from = isDay(sp.from) && sp.from <= to ? (sp.from < addDays(to, -92) ? addDays(to, -92) : sp.from) : addDays(to, -6);
  const db = await getDb();
  const [settings, cal, org] = await Promise.all([getSettings(db), getWorkCalendar(db), getScopeOrg(db, user)]);
  const managerId = Number(sp.manager) || undefined;
  const at = now();
  const dueDays = eachDay(from, to).filter((d) => isWorkingDay(d, cal) && zonedTime(d, settings.dailyReportDue) < at);
  // the summaries whose period ends inside the range (writable from their last day on)
  const weeks: string[] = [];
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) if (addDays(w, 6) >= from && addDays(w, 6) <= to) weeks.push(w);
  const months: string[] = [];
  for (let m = monthStart(from); m <= to; m = addMonths(m, 1)) if (monthEnd(m) <= to && monthEnd(m) >= from) months.push(m);
  const rows = await listTeamReports(db, user, {
    from,
    to,
    dueDays,
    weeks,
    dueWeeks: weeks.filter((w) => summaryDue('weekly', w, settings) < at),
    months,
    dueMonths: months.filter((m) => summaryDue('monthly', m, settings) < at),
    managerId: org.managers.some((m) => m.id === managerId) ? managerId : undefined,
  });
  const current = monthStart(day);
  const plans = await getTeamPlans(db, user, [current, addMonths(current, 1)]);
  const t = await getTranslations();
  const pending = rows.filter((r) => r.status === 'submitted').length;
  const missing = rows.filter((r) => r.status === 'missing').length;
  const hrefOf = (r: (typeof rows)[number]) => (r.id ? `/reviews/${r.subject === 'daily_report' ? 'daily' : 'summary'}/${r.id}` : '');

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t('reviews.heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('reviews.hint')}</p>
      </div>
      <form className="flex flex-wrap items-end gap-3" method="get">
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">{t('reviews.from')}</span>
          <Input type="date" name="from" defaultValue={from} className="h-10" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">{t('reviews.to')}</span>
          <Input type="date" name="to" defaultValue={to} className="h-10" />
        </label>
        <FilterSelect
          label={t('reviews.manager')}
          name="manager"
          defaultValue={managerId ? String(managerId) : ''}
          allLabel={t('reviews.allManagers')}
          options={org.managers.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <Button type="submit" className="h-10">
          {t('reviews.query')}
        </Button>
      </form>
      <section aria-labelledby="plans-heading" className="space-y-2">
        <h2 id="plans-heading" className="font-semibold">
          {t('plan.teamPlans')}
        </h2>
        {plans.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('plan.noTeamPlans')}</p>
        ) : (
          <ul className="divide-y rounded-lg border bg-card text-sm" data-testid="team-plans">
            {plans.map((p) => (
              <li key={p.id}>
                <Link href={`/reviews/plan/${p.id}`} className="flex min-h-11 items-center gap-2 px-3 py-2 hover:bg-muted">
                  <span className="flex-1">
                    {p.managerName} · {p.month.slice(0, 7)}
                  </span>
                  <StatusBadge status={p.status} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm" data-testid="review-counts">
        {t('reviews.pending', { count: pending })} · {t('reviews.missing', { count: missing })}
      </p>
      <LocalDataTable
        testId="review-table"
        emptyText={t('reviews.empty')}
        columns={[
          { key: 'manager', header: t('reviews.manager') },
          { key: 'kind', header: t('reviews.kind') },
          { key: 'period', header: t('reviews.period') },
          { key: 'status', header: t('reviews.status'), kind: 'badge', variantKey: 'variant' },
          { key: 'late', header: t('reports.late') },
          { key: 'submittedAt', header: t('reviews.submittedAt') },
          { key: 'open', header: '', kind: 'link', hrefKey: 'href' },
        ]}
        rows={rows.map((r) => ({
          manager: r.managerName,
          kind: t(`reviews.kinds.${r.kind}`),
          period: r.period,
          status: t(`reports.status.${r.status}`),
          variant: statusVariants[r.status],
          late: r.late ? t('reports.late') : '',
          submittedAt: r.submittedAt ? formatDateTime(r.submittedAt) : '—',
          open: r.id ? t('reviews.open') : '',
          href: hrefOf(r),
        }))}
      />
    </div>
  );
}
