import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BriefingForm } from '@/components/briefings/briefing-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toaster';
import { getBriefingHistory, getMonthSupplyLimits, getTeamBriefing } from '@/db/queries/briefings';
import { getDb } from '@/db/index';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { isoWeekday } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('briefings');
  return { title: t('heading') };
}

const PAGE_SIZE = 10;

export default async function BriefingsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRole('supervisor');
  if (!user.teamId) notFound();
  const db = await getDb();
  const day = today();
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const [current, history, limits, t, tw] = await Promise.all([
    getTeamBriefing(db, user.teamId, day),
    getBriefingHistory(db, user.teamId, day, page, PAGE_SIZE),
    getMonthSupplyLimits(db, day),
    getTranslations('briefings'),
    getTranslations('weekday'),
  ]);

  // the month's allocation as the supervisor would read it out: one line per spec, its grade ranges
  const bySpec = new Map<string, string[]>();
  for (const l of limits) {
    const ranges = bySpec.get(l.specName) ?? [];
    ranges.push(t('supplyRange', { min: l.gradeMin, max: l.gradeMax, qty: l.maxPerWeek }));
    bySpec.set(l.specName, ranges);
  }
  const suggestion = bySpec.size
    ? [t('supplyPrefix'), ...[...bySpec].map(([spec, ranges]) => t('supplyLine', { spec, ranges: ranges.join(t('listSeparator')) }))].join('\n')
    : '';
  const pages = Math.max(1, Math.ceil(history.total / PAGE_SIZE));

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('subheading', { date: day, weekday: tw(String(isoWeekday(day))) })}</p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{current ? t('todayPosted', { author: current.authorName }) : t('todayNew')}</CardTitle>
        </CardHeader>
        <CardContent>
          <BriefingForm
            teamId={user.teamId}
            exists={Boolean(current)}
            supplySuggestion={suggestion}
            initial={{
              policies: current?.policies ?? '',
              focus: current?.focus ?? '',
              // a new briefing starts from this month's allocation; the supervisor edits it down
              supplyLimits: current ? current.supplyLimits : suggestion,
              issues: current?.issues ?? '',
            }}
          />
        </CardContent>
      </Card>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="font-semibold">
          {t('history')}
        </h2>
        {history.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{t('emptyHistory')}</p>
        ) : (
          <ul className="space-y-3" data-testid="briefing-history">
            {history.rows.map((b) => (
              <li key={b.id} className="rounded-lg border bg-card p-4 text-sm">
                <p className="mb-2 font-medium">
                  {b.day} {tw(String(isoWeekday(b.day)))} · <span className="text-muted-foreground">{b.authorName}</span>
                </p>
                <dl className="space-y-1">
                  {(['focus', 'policies', 'supplyLimits', 'issues'] as const).map((k) =>
                    b[k] ? (
                      <div key={k}>
                        <dt className="inline font-medium">{t(`fields.${k}`)}：</dt>
                        <dd className="inline whitespace-pre-line">{b[k]}</dd>
                      </div>
                    ) : null,
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
        <nav aria-label={t('pagination')} className="flex items-center gap-2 text-sm">
          <span className="mr-auto text-muted-foreground">{t('total', { count: history.total })}</span>
          {page > 1 && (
            <Link className="inline-flex min-h-11 items-center rounded-md border px-3" href={`/briefings?page=${page - 1}`}>
              {t('previous')}
            </Link>
          )}
          <span className="tabular-nums">{t('pageOf', { page, pages })}</span>
          {page < pages && (
            <Link className="inline-flex min-h-11 items-center rounded-md border px-3" href={`/briefings?page=${page + 1}`}>
              {t('next')}
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
