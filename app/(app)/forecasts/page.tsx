import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AccuracyTables } from '@/components/planning/accuracy-tables';
import { MonthLinks } from '@/components/planning/month-links';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/index';
import { getForecastAccuracy, getForecastStatus, getManagerInScope, getTeamForecastAccuracy } from '@/db/queries/planning';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatPercent } from '@/lib/format';
import { isFocusWindow } from '@/lib/planning/focus';
import { monthParam, parseMonthParam, pastMonths } from '@/lib/planning/months';
import { addMonths, monthStart } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('forecasts');
  return { title: t('heading') };
}

type Search = Promise<{ month?: string; manager?: string }>;

export default async function ForecastsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const sp = await searchParams;
  const db = await getDb();
  const t = await getTranslations('forecasts');
  const day = today();
  const current = monthStart(day);
  const months = pastMonths(current);
  // accuracy needs a finished month: any earlier month may be asked for, never this one or later
  const asked = parseMonthParam(sp.month);
  const month = asked && asked < current ? asked : months[0];

  let managerId: number | null = user.role === 'manager' ? user.userId : null;
  let managerName: string | null = null;
  if (sp.manager !== undefined) {
    const id = Number(sp.manager);
    const m = Number.isSafeInteger(id) && id > 0 ? await getManagerInScope(db, user, id) : null;
    if (!m) notFound();
    managerId = m.id;
    managerName = user.role === 'manager' ? null : m.name;
  }
  const link = (m: string) => `/forecasts?month=${monthParam(m)}${sp.manager !== undefined && user.role !== 'manager' ? `&manager=${managerId}` : ''}`;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-xl font-semibold">{user.role === 'manager' ? t('heading') : t('teamHeading')}</h1>
      {user.role === 'manager' && <ThisMonth managerId={user.userId} day={day} />}
      <section aria-labelledby="accuracy-heading" className="space-y-3">
        <h2 id="accuracy-heading" className="font-semibold">
          {t('accuracy.heading')}
        </h2>
        <MonthLinks months={months} current={month} href={link} label={t('accuracy.months')} />
        {managerId !== null ? (
          <ManagerAccuracy managerId={managerId} month={month} who={managerName} />
        ) : (
          <TeamAccuracy scope={user} month={month} />
        )}
      </section>
    </div>
  );
}

async function ThisMonth({ managerId, day }: { managerId: number; day: string }) {
  const t = await getTranslations('forecasts');
  const db = await getDb();
  const month = monthStart(day);
  const next = addMonths(month, 1);
  const [status, nextStatus] = await Promise.all([getForecastStatus(db, managerId, month), getForecastStatus(db, managerId, next)]);
  const dom = Number(day.slice(8, 10));
  const windowNote = dom <= 5 ? t('window.screening') : isFocusWindow(day) ? t('window.individual') : t('window.passed');
  const label = (m: string) => t('monthLabel', { year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) });
  const step = (href: string, title: string, state: string, done: boolean) => (
    <li>
      <Link href={href} className="flex min-h-14 items-center gap-3 rounded-lg border bg-card p-3 hover:bg-muted">
        <span aria-hidden className={done ? 'text-success' : 'text-muted-foreground'}>
          {done ? '✓' : '○'}
        </span>
        <span className="flex-1">
          <span className="block font-medium">{title}</span>
          <span className="block text-sm text-muted-foreground">{state}</span>
        </span>
        <span aria-hidden>›</span>
      </Link>
    </li>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('thisMonth', { month: label(month) })}</CardTitle>
        <CardDescription data-testid="window-note">{windowNote}</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="space-y-2">
          {step(
            '/forecasts/screening',
            t('steps.screening'),
            status.screened ? t('steps.screened', { screened: status.screened, shops: status.shops }) : t('steps.notScreened'),
            status.screened > 0,
          )}
          {step(`/forecasts/total?month=${monthParam(month)}`, t('steps.total'), status.totalFiled ? t('steps.filed') : t('steps.notFiled'), status.totalFiled)}
          {step(
            '/forecasts/individual',
            t('steps.individual'),
            t('steps.individualState', { filed: status.individualFiled, shops: status.focusShops }),
            status.focusShops > 0 && status.individualFiled >= status.focusShops,
          )}
          {step(
            `/forecasts/total?month=${monthParam(next)}`,
            t('steps.nextTotal', { month: label(next) }),
            nextStatus.totalFiled ? t('steps.filed') : t('steps.notFiled'),
            nextStatus.totalFiled,
          )}
        </ol>
      </CardContent>
    </Card>
  );
}

async function ManagerAccuracy({ managerId, month, who }: { managerId: number; month: string; who: string | null }) {
  const db = await getDb();
  const t = await getTranslations('forecasts');
  const accuracy = await getForecastAccuracy(db, managerId, month);
  return (
    <div className="space-y-3">
      {who && (
        <p className="text-sm">
          <Link href={`/forecasts?month=${monthParam(month)}`} className="text-primary underline-offset-4 hover:underline">
            {t('accuracy.backToTeam')}
          </Link>
          <span className="ml-2 font-medium" data-testid="accuracy-manager">
            {who}
          </span>
        </p>
      )}
      <AccuracyTables accuracy={accuracy} />
    </div>
  );
}

async function TeamAccuracy({ scope, month }: { scope: Parameters<typeof getTeamForecastAccuracy>[1]; month: string }) {
  const db = await getDb();
  const t = await getTranslations('forecasts');
  const rows = await getTeamForecastAccuracy(db, scope, month);
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{t('accuracy.noManagers')}</p>;
  return (
    <>
      <Table data-testid="team-accuracy">
        <TableHeader>
          <TableRow>
            <TableHead>{t('accuracy.manager')}</TableHead>
            <TableHead className="text-right">{t('accuracy.forecast')}</TableHead>
            <TableHead className="text-right">{t('accuracy.actual')}</TableHead>
            <TableHead className="text-right">{t('accuracy.rate')}</TableHead>
            <TableHead className="text-right">{t('accuracy.individualShops')}</TableHead>
            <TableHead className="text-right">{t('accuracy.individualMean')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.managerId}>
              <TableCell>
                <Link href={`/forecasts?month=${monthParam(month)}&manager=${r.managerId}`} className="text-primary underline-offset-4 hover:underline">
                  {r.name}
                </Link>
              </TableCell>
              <TableCell className="text-right tabular-nums">{r.total.forecast === null ? t('accuracy.notFiled') : r.total.forecast.toLocaleString('zh-CN')}</TableCell>
              <TableCell className="text-right tabular-nums">{r.total.actual.toLocaleString('zh-CN')}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(r.total.accuracy)}</TableCell>
              <TableCell className="text-right tabular-nums">{r.individualShops}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(r.individualMean)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="text-xs text-muted-foreground">{t('accuracy.formula')}</p>
    </>
  );
}
