import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PlanCalendar } from '@/components/plan/plan-calendar';
import { PlanChecksView } from '@/components/plan/plan-checks';
import { ReviewHistory, StatusBadge } from '@/components/reports/report-parts';
import { ReviewForm } from '@/components/reports/review-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { getPlanItems, getPlanShops, getTeamPlan } from '@/db/queries/plan';
import { getReviewHistory } from '@/db/queries/reports';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { eachDay, isWorkingDay, monthEnd } from '@/lib/time';
import { checkPlan } from '@/lib/visit-plan/propose';

export default async function ReviewPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('supervisor');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const plan = await getTeamPlan(db, user, id);
  if (!plan) notFound();
  const [items, shops, settings, cal, history] = await Promise.all([
    getPlanItems(db, plan.id),
    getPlanShops(db, plan.managerId),
    getSettings(db),
    getWorkCalendar(db),
    getReviewHistory(db, 'visit_plan', plan.id),
  ]);
  const workingDays = eachDay(plan.month, monthEnd(plan.month)).filter((d) => isWorkingDay(d, cal));
  const day = today();
  const ahead = workingDays.filter((d) => d > day);
  const checkDays = ahead.length ? ahead : workingDays;
  const checks = checkPlan(items, shops, checkDays, settings.visitFrequency, { city: settings.visitStandardCity, rural: settings.visitStandardRural });
  const t = await getTranslations();
  const nameOf = new Map(shops.map((s) => [s.id, s.name]));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{t('plan.reviewHeading', { name: plan.managerName, month: plan.month.slice(0, 7) })}</h1>
        <StatusBadge status={plan.status} />
        <Link href="/reviews" className="ml-auto text-sm text-primary hover:underline">
          {t('reviews.heading')}
        </Link>
      </div>
      <Card>
        <CardContent className="pt-4">
          <PlanChecksView
            items={items.length}
            uncovered={checks.uncovered.map((u) => ({ ...u, name: nameOf.get(u.retailerId) ?? '' }))}
            days={checks.days.filter((d) => checkDays.includes(d.day))}
          />
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-4">
          <PlanCalendar month={plan.month} days={checks.days} workingDays={workingDays} items={items} shops={[]} editable={false} hasPlan={items.length > 0} />
        </CardContent>
      </Card>
      {plan.status === 'submitted' && (
        <Card>
          <CardHeader>
            <CardTitle>{t('reports.reviewComment')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ReviewForm subject="visit_plan" id={plan.id} />
          </CardContent>
        </Card>
      )}
      <ReviewHistory events={history} />
    </div>
  );
}
