import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CallBackForm } from '@/components/follow-up/call-back-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getFollowUpList, getTeamManagers, type FollowUpItem } from '@/db/queries/follow-up';
import { maskPhone } from '@/db/queries/retailers';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { getWorkCalendar } from '@/lib/settings';
import { addDays, isoWeekday, nextWorkingDay, previousWorkingDay } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('followUp');
  return { title: t('heading') };
}

const HISTORY_DAYS = 62;

/** A day from the URL, for looking back; anything else (or the future) is today. */
function pickDay(raw: string | undefined, current: string) {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || addDays(raw, 0) !== raw) return current;
  if (raw > current || raw < addDays(current, -HISTORY_DAYS)) return current;
  return raw;
}

// The ordering system gives one failure reason: window and quantity rules stop the order itself,
// the others are the e-settlement (电子结算) failing to take the money.
const kindOf = (reason: FollowUpItem['failureReason']) => (reason === 'outside_window' || reason === 'quantity_rule' ? 'order' : 'settlement');

export default async function FollowUpPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  const user = await requireRole('manager', 'supervisor');
  const db = await getDb();
  const current = today();
  const day = pickDay((await searchParams).day, current);
  const calendar = await getWorkCalendar(db);
  const prev = previousWorkingDay(day, calendar);
  const next = nextWorkingDay(day, calendar);
  const manager = user.role === 'manager';
  const [items, team, t, tw] = await Promise.all([
    getFollowUpList(db, user, day, prev),
    !manager && user.teamId ? getTeamManagers(db, user.teamId) : Promise.resolve([]),
    getTranslations('followUp'),
    getTranslations('weekday'),
  ]);
  const todo = items.filter((i) => !i.done);
  const done = items.filter((i) => i.done);
  const href = (d: string) => (d === current ? '/follow-up' : `/follow-up?day=${d}`);

  const card = (i: FollowUpItem) => (
    <li key={i.orderNo} className="rounded-lg border bg-card p-4" data-testid="follow-up-item" data-order={i.orderNo}>
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium">
            <Link href={`/retailers/${i.retailerId}`} className="hover:underline">
              {i.shopName}
            </Link>
          </p>
          <p className="text-xs text-muted-foreground">
            {i.owner} · {t('orderNo', { orderNo: i.orderNo })} · {t('orderDate', { date: i.orderDate })}
          </p>
        </div>
        <Badge variant={i.done ? 'success' : 'destructive'}>{i.done ? t('status.done') : i.lastOutcome ? t(`outcomes.${i.lastOutcome}`) : t('status.todo')}</Badge>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <Badge variant="outline">{t(`kinds.${kindOf(i.failureReason)}`)}</Badge>
        {i.carriedOver && <Badge variant="secondary">{t('carriedOver', { date: i.orderDate })}</Badge>}
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t('reason')}</dt>
        <dd>{i.failureReason ? t(`reasons.${i.failureReason}`) : '—'}</dd>
        <dt className="text-muted-foreground">{t('quantities')}</dt>
        <dd className="tabular-nums">{t('orderedSupplied', { ordered: i.ordered, supplied: i.supplied })}</dd>
      </dl>
      {manager ? (
        <a
          href={`tel:${i.phone}`}
          className="mt-3 flex min-h-11 items-center justify-center rounded-md border border-primary text-base font-medium text-primary"
          data-testid="call-link"
        >
          {t('call', { phone: i.phone })}
        </a>
      ) : (
        <p className="mt-2 text-sm text-muted-foreground">
          {t('phone')}：{maskPhone(i.phone)}
        </p>
      )}
      {i.records.length > 0 && (
        <ol className="mt-3 space-y-1 border-l-2 pl-3 text-sm" aria-label={t('records')}>
          {i.records.map((r) => (
            <li key={r.id}>
              <span className="tabular-nums text-muted-foreground">{formatDateTime(r.at)}</span> <span className="font-medium">{t(`outcomes.${r.outcome}`)}</span>
              {r.note ? `：${r.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      {manager && !i.done && (
        <div className="mt-3">
          <CallBackForm orderNo={i.orderNo} />
        </div>
      )}
    </li>
  );

  const byManager = new Map<number, { name: string; items: FollowUpItem[] }>(team.map((m) => [m.id, { name: m.name, items: [] }]));
  for (const i of items) {
    const m = byManager.get(i.managerId) ?? { name: i.managerName, items: [] };
    m.items.push(i);
    byManager.set(i.managerId, m);
  }

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{manager ? t('heading') : t('teamHeading')}</h1>
        <p className="text-sm text-muted-foreground">
          {day} {tw(String(isoWeekday(day)))} · {t('scope', { prev })}
        </p>
      </div>
      <nav aria-label={t('dayNav')} className="flex items-center gap-2 text-sm">
        <Link href={href(prev)} className="inline-flex min-h-11 items-center rounded-md border px-3" data-testid="previous-day">
          ← {t('previousDay')}
        </Link>
        {day !== current && (
          <Link href="/follow-up" className="inline-flex min-h-11 items-center rounded-md border px-3">
            {t('today')}
          </Link>
        )}
        {next <= current && (
          <Link href={href(next)} className="ml-auto inline-flex min-h-11 items-center rounded-md border px-3">
            {t('nextDay')} →
          </Link>
        )}
      </nav>

      <Card>
        <CardContent className="pt-4">
          <p className="text-lg font-semibold" data-testid="follow-up-summary">
            {t('summary', { todo: todo.length, done: done.length })}
          </p>
        </CardContent>
      </Card>

      {items.length === 0 && manager ? (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground" data-testid="follow-up-empty">
          {t('empty', { date: day })}
        </p>
      ) : manager ? (
        <>
          <section aria-labelledby="todo-heading" className="space-y-2">
            <h2 id="todo-heading" className="font-semibold">
              {t('todoHeading', { count: todo.length })}
            </h2>
            {todo.length === 0 ? <p className="text-sm text-muted-foreground">{t('allDone')}</p> : <ul className="space-y-3" data-testid="follow-up-todo">{todo.map(card)}</ul>}
          </section>
          {done.length > 0 && (
            <section aria-labelledby="done-heading" className="space-y-2">
              <h2 id="done-heading" className="font-semibold">
                {t('doneHeading', { count: done.length })}
              </h2>
              <ul className="space-y-3" data-testid="follow-up-done">
                {done.map(card)}
              </ul>
            </section>
          )}
        </>
      ) : (
        <>
          <Table data-testid="follow-up-team">
            <TableHeader>
              <TableRow>
                <TableHead>{t('manager')}</TableHead>
                <TableHead className="text-right">{t('failed')}</TableHead>
                <TableHead className="text-right">{t('status.todo')}</TableHead>
                <TableHead className="text-right">{t('status.done')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...byManager.entries()].map(([id, m]) => (
                <TableRow key={id}>
                  <TableCell>{m.name}</TableCell>
                  <TableCell className="text-right tabular-nums">{m.items.length}</TableCell>
                  <TableCell className="text-right tabular-nums">{m.items.filter((i) => !i.done).length}</TableCell>
                  <TableCell className="text-right tabular-nums">{m.items.filter((i) => i.done).length}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {items.length === 0 && (
            <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground" data-testid="follow-up-empty">
              {t('empty', { date: day })}
            </p>
          )}
          {[...byManager.entries()].filter(([, m]) => m.items.length > 0).map(([id, m]) => (
            <section key={id} aria-labelledby={`mgr-${id}`} className="space-y-2">
              <h2 id={`mgr-${id}`} className="font-semibold">
                {m.name}
              </h2>
              <ul className="space-y-3">{[...m.items.filter((i) => !i.done), ...m.items.filter((i) => i.done)].map(card)}</ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
