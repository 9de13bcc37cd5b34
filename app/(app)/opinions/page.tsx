import { and, asc, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { NewOpinionForm, ReplyForm, SummaryForm } from '@/components/opinions/opinion-forms';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/index';
import { getComplaintCategories } from '@/db/queries/visits';
import { complaintCategories, opinionEntries, opinionSummaries, retailers, users } from '@/db/schema';
import { requireRole } from '@/lib/auth/dal';
import { scopeFilter } from '@/lib/auth/scope';
import { now, today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { addMonths, dateInTz, monthStart } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('opinions');
  return { title: t('heading') };
}

export default async function OpinionsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const sp = await searchParams;
  const month = sp.month && /^\d{4}-\d{2}$/.test(sp.month) ? `${sp.month}-01` : monthStart(today());
  const db = await getDb();
  const from = sql`(${month}::date)::timestamp at time zone 'Asia/Shanghai'`;
  const to = sql`(${addMonths(month, 1)}::date)::timestamp at time zone 'Asia/Shanghai'`;
  const inMonth = and(scopeFilter(user, opinionEntries), gte(opinionEntries.receivedAt, from), lt(opinionEntries.receivedAt, to));
  const [entries, counts, summaries, categories, shops] = await Promise.all([
    db
      .select({
        id: opinionEntries.id,
        kind: opinionEntries.kind,
        category: complaintCategories.nameZh,
        content: opinionEntries.content,
        receivedAt: opinionEntries.receivedAt,
        replyDueAt: opinionEntries.replyDueAt,
        reply: opinionEntries.reply,
        repliedAt: opinionEntries.repliedAt,
        shop: retailers.name,
      })
      .from(opinionEntries)
      .innerJoin(retailers, eq(retailers.id, opinionEntries.retailerId))
      .innerJoin(complaintCategories, eq(complaintCategories.code, opinionEntries.category))
      .where(inMonth)
      .orderBy(desc(opinionEntries.receivedAt))
      .limit(200),
    db
      .select({ category: complaintCategories.nameZh, n: count() })
      .from(opinionEntries)
      .innerJoin(complaintCategories, eq(complaintCategories.code, opinionEntries.category))
      .where(inMonth)
      .groupBy(complaintCategories.nameZh),
    db
      .select({ managerId: opinionSummaries.managerId, name: users.name, suggestions: opinionSummaries.suggestions, sentAt: opinionSummaries.sentAt, counts: opinionSummaries.countsByCategory })
      .from(opinionSummaries)
      .innerJoin(users, eq(users.id, opinionSummaries.managerId))
      .where(and(scopeFilter(user, opinionSummaries), eq(opinionSummaries.month, month)))
      .orderBy(asc(users.id)),
    getComplaintCategories(db),
    user.role === 'manager'
      ? db.select({ id: retailers.id, name: retailers.name }).from(retailers).where(eq(retailers.managerId, user.userId)).orderBy(asc(retailers.routeId), asc(retailers.routeSeq))
      : Promise.resolve([]),
  ]);
  const t = await getTranslations('opinions');
  const at = now();
  const mine = summaries.find((s) => s.managerId === user.userId);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-2">
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <form className="ml-auto flex items-end gap-2">
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted-foreground">{t('month')}</span>
            <Input type="month" name="month" defaultValue={month.slice(0, 7)} className="h-10" />
          </label>
          <Button type="submit" variant="outline" className="h-10">
            ↵
          </Button>
        </form>
      </div>
      {user.role === 'manager' && (
        <Card>
          <CardHeader>
            <CardTitle>{t('new')}</CardTitle>
          </CardHeader>
          <CardContent>
            <NewOpinionForm shops={shops.map((s) => ({ value: String(s.id), label: s.name }))} categories={categories.map((c) => ({ value: c.code, label: c.nameZh }))} />
          </CardContent>
        </Card>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t('heading')}</CardTitle>
          </CardHeader>
          <CardContent>
            {entries.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('empty')}</p>
            ) : (
              <ul className="space-y-3" data-testid="opinion-entries">
                {entries.map((e) => (
                  <li key={e.id} className="rounded-md border p-3 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{e.shop}</span>
                      <Badge variant="outline">{t(`kinds.${e.kind}`)}</Badge>
                      <Badge variant="secondary">{e.category}</Badge>
                      <span className="text-xs text-muted-foreground">{formatDateTime(e.receivedAt)}</span>
                      {e.reply ? (
                        <Badge variant="success" className="ml-auto">{t('replied')}</Badge>
                      ) : (
                        <Badge variant={at > e.replyDueAt ? 'destructive' : 'warning'} className="ml-auto">
                          {at > e.replyDueAt ? t('overdue') : t('due', { date: dateInTz(e.replyDueAt) })}
                        </Badge>
                      )}
                    </div>
                    <p className="mt-1">{e.content}</p>
                    {e.reply ? <p className="mt-1 text-muted-foreground">↳ {e.reply}</p> : <ReplyForm entryId={e.id} />}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('summary')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p className="font-medium">{t('counts')}</p>
            <ul data-testid="opinion-counts">
              {counts.map((c) => (
                <li key={c.category} className="flex justify-between">
                  <span>{c.category}</span>
                  <span className="tabular-nums">{c.n}</span>
                </li>
              ))}
            </ul>
            {user.role === 'manager' ? (
              <>
                {mine?.sentAt && <p className="text-xs text-muted-foreground">{t('sent', { date: formatDateTime(mine.sentAt) })}</p>}
                <SummaryForm month={month} initial={mine?.suggestions ?? ''} />
              </>
            ) : (
              <div className="space-y-2">
                <p className="font-medium">{t('summaries')}</p>
                {summaries.length === 0 && <p className="text-muted-foreground">{t('noSummaries')}</p>}
                {summaries.map((s) => (
                  <div key={s.managerId} className="rounded-md border p-2">
                    <p className="font-medium">{s.name}</p>
                    <p className="text-xs text-muted-foreground">{s.sentAt ? t('sent', { date: formatDateTime(s.sentAt) }) : ''}</p>
                    <p>{s.suggestions}</p>
                  </div>
                ))}
              </div>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
