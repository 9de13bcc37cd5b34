import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PlanCalendar } from '@/components/plan/plan-calendar';
import { PlanChecksView } from '@/components/plan/plan-checks';
import { ReviewBanner, StatusBadge } from '@/components/reports/report-parts';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { getOwnPlan, getPlanItems, getPlanShops } from '@/db/queries/plan';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { addMonths, eachDay, isWorkingDay, monthEnd, monthStart } from '@/lib/time';
import { checkPlan } from '@/lib/visit-plan/propose';

export async function generateMetadata() {
  const t = await getTranslations('plan');
  return { title: t('heading') };
}

/** The monthly visit plan: proposed from frequency and routes, edited in a calendar, submitted for approval. */
export default async function PlanPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requireRole('manager');
  const day = today();
  const current = monthStart(day);
  const next = addMonths(current, 1);
  const wanted = (await searchParams).month;
  const month = wanted === current.slice(0, 7) ? current : next;
  const db = await getDb();
  const [plan, shops, settings, cal] = await Promise.all([getOwnPlan(db, user.userId, month), getPlanShops(db, user.userId), getSettings(db), getWorkCalendar(db)]);
  const items = plan ? await getPlanItems(db, plan.id) : [];
  const workingDays = eachDay(month, monthEnd(month)).filter((d) => isWorkingDay(d, cal));
  const ahead = workingDays.filter((d) => d > day);
  const checks = checkPlan(items, shops, ahead, settings.visitFrequency, { city: settings.visitStandardCity, rural: settings.visitStandardRural });
  const t = await getTranslations('plan');
  const status = plan?.status ?? 'draft';
  const nameOf = new Map(shops.map((s) => [s.id, s.name]));

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        {plan && <StatusBadge status={status} />}
        <nav className="ml-auto flex gap-1 text-sm" aria-label={t('months')}>
          {[current, next].map((m) => (
            <Link
              key={m}
              href={`/plan?month=${m.slice(0, 7)}`}
              aria-current={m === month ? 'page' : undefined}
              className={m === month ? 'rounded-md bg-muted px-3 py-2 font-medium text-primary' : 'rounded-md px-3 py-2 text-muted-foreground hover:bg-muted'}
            >
              {m === current ? t('thisMonth', { month: m.slice(0, 7) }) : t('nextMonth', { month: m.slice(0, 7) })}
            </Link>
          ))}
        </nav>
      </div>
      <ReviewBanner status={status} comment={plan?.reviewComment ?? null} />
      {status === 'approved' && <p className="text-sm text-muted-foreground">{t('approvedNote')}</p>}
      {!plan && <p className="text-sm text-muted-foreground">{t('noPlan', { shops: shops.length })}</p>}
      <Card>
        <CardContent className="pt-4">
          <PlanChecksView
            items={items.length}
            uncovered={checks.uncovered.map((u) => ({ ...u, name: nameOf.get(u.retailerId) ?? '' }))}
            days={checks.days.filter((d) => ahead.includes(d.day))}
          />
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-4">
          <PlanCalendar
            month={month}
            days={checks.days}
            workingDays={ahead}
            items={items}
            shops={shops.map((s) => ({ id: s.id, name: s.name }))}
            editable={status === 'draft' || status === 'returned'}
            hasPlan={items.length > 0}
          />
        </CardContent>
      </Card>
    </div>
  );
}
