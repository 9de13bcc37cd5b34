import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/reports/report-parts';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { listOwnDailyReports, listOwnSummaries } from '@/db/queries/reports';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { getWorkCalendar } from '@/lib/settings';
import { addDays, addMonths, eachDay, isWorkingDay, isoWeekday, monthStart, weekStart } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('reports');
  return { title: t('heading') };
}

/** The manager's reports: today's, the last two weeks' working days, and the summaries owed. */
export default async function ReportsPage() {
  const user = await requireRole('manager');
  const db = await getDb();
  const day = today();
  const from = addDays(day, -13);
  // summaries become writable on the last day of their period
  const weeks = [0, 1, 2, 3].map((i) => addDays(weekStart(addDays(day, 1)), -7 * (i + 1)));
  const months = [1, 2, 3].map((i) => addMonths(monthStart(addDays(day, 1)), -i));
  const [daily, sums, cal] = await Promise.all([
    listOwnDailyReports(db, user.userId, from, day),
    listOwnSummaries(db, user.userId, months[months.length - 1] < weeks[weeks.length - 1] ? months[months.length - 1] : weeks[weeks.length - 1]),
    getWorkCalendar(db),
  ]);
  const t = await getTranslations();
  const byDay = new Map(daily.map((r) => [r.day, r]));
  const days = eachDay(from, day)
    .filter((d) => isWorkingDay(d, cal) || byDay.has(d))
    .reverse();
  const summaryOf = (kind: 'weekly' | 'monthly', start: string) => sums.find((s) => s.kind === kind && s.periodStart === start);
  const todays = byDay.get(day);

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-xl font-semibold">{t('reports.heading')}</h1>
      <Card>
        <CardContent className="flex items-center gap-3 pt-4">
          <div className="flex-1">
            <p className="font-medium">{t('reports.todayReport')}</p>
            <p className="text-sm text-muted-foreground">
              {day} {t(`weekday.${isoWeekday(day)}`)}
            </p>
          </div>
          <StatusBadge status={todays?.status ?? 'draft'} late={todays?.late} />
          <Link href={`/reports/daily/${day}`} className="inline-flex min-h-11 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground" data-testid="open-today-report">
            {todays && todays.status !== 'draft' && todays.status !== 'returned' ? t('reports.view') : t('reports.open')}
          </Link>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('reports.recentDaily')}</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="divide-y" data-testid="recent-daily">
            {days.map((d) => {
              const r = byDay.get(d);
              return (
                <li key={d}>
                  <Link href={`/reports/daily/${d}`} className="flex min-h-11 items-center gap-2 py-2 text-sm hover:bg-muted">
                    <span className="flex-1 tabular-nums">
                      {d} {t(`weekday.${isoWeekday(d)}`)}
                    </span>
                    <StatusBadge status={r ? r.status : d < day ? 'missing' : 'draft'} late={r?.late} />
                  </Link>
                </li>
              );
            })}
          </ul>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('reports.summaries')}</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="divide-y" data-testid="summaries">
            {[...weeks.map((w) => ['weekly', w] as const), ...months.map((m) => ['monthly', m] as const)].map(([kind, start]) => {
              const s = summaryOf(kind, start);
              return (
                <li key={`${kind}-${start}`}>
                  <Link href={`/reports/summary/${kind}/${start}`} className="flex min-h-11 items-center gap-2 py-2 text-sm hover:bg-muted">
                    <span className="flex-1">
                      {kind === 'weekly'
                        ? t('reports.weeklyHeading', { from: start, to: addDays(start, 6) })
                        : t('reports.monthlyHeading', { month: start.slice(0, 7) })}
                    </span>
                    <StatusBadge status={s ? s.status : 'missing'} late={s?.late} />
                  </Link>
                </li>
              );
            })}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
