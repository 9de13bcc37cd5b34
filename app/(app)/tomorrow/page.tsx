import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { getSchedule } from '@/db/queries/schedule';
import { getShopPrep } from '@/db/queries/tomorrow';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatPercent } from '@/lib/format';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { agreementStatus, monthTimeProgress } from '@/lib/tomorrow/agreement';
import { isoWeekday, nextWorkingDay } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('tomorrow');
  return { title: t('heading') };
}

// the warning badge's amber is below 4.5:1 on its tint, so 'ahead' is told by its words on a plain badge
const bandVariant = { behind: 'destructive', on_track: 'success', ahead: 'outline' } as const;

export default async function TomorrowPage() {
  const user = await requireRole('manager');
  const db = await getDb();
  const [calendar, settings] = await Promise.all([getWorkCalendar(db), getSettings(db)]);
  const day = nextWorkingDay(today(), calendar);
  const { items, generated } = await getSchedule(db, user, day);
  const [prep, t, tw, tv] = await Promise.all([
    getShopPrep(db, items.map((i) => i.retailerId), day),
    getTranslations('tomorrow'),
    getTranslations('weekday'),
    getTranslations('visit'),
  ]);
  const time = monthTimeProgress(day, calendar);

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-muted-foreground" data-testid="tomorrow-day">
          {t('day', { date: day, weekday: tw(String(isoWeekday(day))) })}
        </p>
      </div>

      <Card>
        <CardContent className="space-y-1 pt-4">
          <p className="text-lg font-semibold">{t('count', { count: items.length })}</p>
          <p className="text-sm text-muted-foreground" data-testid="time-progress">
            {t('timeProgress', { percent: formatPercent(time.ratio), elapsed: time.elapsed, total: time.total })}
          </p>
          <p className="text-xs text-muted-foreground">{t('agreementHelp', { tolerance: Math.round(settings.agreementTolerance * 100), small: Math.round(settings.agreementToleranceSmall * 100) })}</p>
          {generated && items.length > 0 && <p className="text-xs text-muted-foreground">{t('generated')}</p>}
        </CardContent>
      </Card>

      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground" data-testid="tomorrow-empty">
          {t('empty', { date: day })}
        </p>
      ) : (
        <ol className="space-y-3" data-testid="tomorrow-shops">
          {items.map((s, index) => {
            const p = prep.get(s.retailerId)!;
            const a = agreementStatus(p, time.ratio, settings);
            const v = p.lastVisit;
            return (
              <li key={s.retailerId} className="rounded-lg border bg-card p-4 text-sm" data-testid="tomorrow-shop" data-retailer={s.retailerId}>
                <div className="flex items-start gap-3">
                  <span className="w-6 text-center text-muted-foreground">{index + 1}</span>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">
                      <Link href={`/retailers/${s.retailerId}`} className="hover:underline">
                        {s.name}
                      </Link>
                    </p>
                    <p className="truncate text-xs text-muted-foreground">
                      {s.routeName} · {t('grade', { grade: s.grade })} · {s.address}
                    </p>
                  </div>
                  {a.band && <Badge variant={bandVariant[a.band]}>{t(`bands.${a.band}`)}</Badge>}
                </div>

                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                  <dt className="text-muted-foreground">{t('purchases')}</dt>
                  <dd className="tabular-nums" data-testid="purchases">
                    {t('purchasesValue', { week: p.weekPurchases, month: p.monthPurchases })}
                  </dd>
                  <dt className="text-muted-foreground">{t('agreement')}</dt>
                  <dd className="tabular-nums" data-testid="agreement">
                    {p.agreed === null ? t('noAgreement') : t('agreementValue', { agreed: p.agreed, percent: formatPercent(a.progress) })}
                  </dd>
                  <dt className="text-muted-foreground">{t('lastVisit')}</dt>
                  <dd data-testid="last-visit">
                    {v ? t('lastVisitValue', { date: v.date, minutes: Math.round(v.durationSec / 60), stock: v.stockTotal }) : t('neverVisited')}
                  </dd>
                  {v && (
                    <>
                      <dt className="text-muted-foreground">{t('keyNotOnCounter')}</dt>
                      <dd>{v.keyNotOnCounter.length ? v.keyNotOnCounter.join(t('listSeparator')) : t('allKeyOnCounter')}</dd>
                    </>
                  )}
                </dl>
                {v?.illegalFound && (
                  <p className="mt-2">
                    <Badge variant="destructive">{t('illegalFound')}</Badge>
                  </p>
                )}
                {v && v.notes.length > 0 && (
                  <ul className="mt-2 space-y-1 border-l-2 pl-3" aria-label={t('notes')}>
                    {v.notes.map((n, i) => (
                      <li key={i}>
                        <span className="text-muted-foreground">
                          {n.kind === 'info' ? tv(`info.kinds.${n.infoKind}`) : n.field === 'note' ? tv(`sectionNames.${n.section}`) : tv(`${n.section}.${n.field}`)}：
                        </span>
                        {n.text}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
