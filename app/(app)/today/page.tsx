import Link from 'next/link';
import { StatusBadge } from '@/components/reports/report-parts';
import { Toaster } from '@/components/ui/toaster';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { getBriefing, getRecentVisits } from '@/db/queries/home';
import { getOwnDailyReport } from '@/db/queries/reports';
import { countVisitsOn, getSchedule } from '@/db/queries/schedule';
import { FieldSync } from '@/components/today/field-sync';
import { ScheduleList } from '@/components/today/schedule-list';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { getSettings } from '@/lib/settings';
import { isoWeekday } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('today');
  return { title: t('heading') };
}

export default async function TodayPage() {
  const user = await requireRole('manager');
  const db = await getDb();
  const day = today();
  const [{ items: schedule, generated }, made, recent, briefing, settings, report] = await Promise.all([
    getSchedule(db, user, day),
    countVisitsOn(db, user, day),
    getRecentVisits(db, user),
    getBriefing(db, user, day),
    getSettings(db),
    getOwnDailyReport(db, user.userId, day),
  ]);
  const t = await getTranslations();
  // a mixed day takes the standard of the majority of its scheduled shops (DOMAIN.md)
  const rural = schedule.filter((s) => s.area === 'rural').length;
  const area = rural * 2 > schedule.length ? 'rural' : 'city';
  const standard = area === 'rural' ? settings.visitStandardRural : settings.visitStandardCity;

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('today.heading')}</h1>
        <p className="text-sm text-muted-foreground">
          {t('today.date', { date: day, weekday: t(`weekday.${isoWeekday(day)}`) })}
        </p>
      </div>

      {briefing && (
        <Card data-testid="briefing">
          <CardHeader>
            <CardTitle>{t('today.briefing')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1 text-sm">
            {briefing.focus && (
              <p>
                <span className="font-medium">{t('today.briefingFocus')}：</span>
                {briefing.focus}
              </p>
            )}
            {briefing.supplyLimits && (
              <p className="whitespace-pre-line">
                <span className="font-medium">{t('today.briefingSupply')}：</span>
                {briefing.supplyLimits}
              </p>
            )}
            {briefing.policies && (
              <p>
                <span className="font-medium">{t('today.briefingPolicies')}：</span>
                {briefing.policies}
              </p>
            )}
            {briefing.issues && (
              <p>
                <span className="font-medium">{t('today.briefingIssues')}：</span>
                {briefing.issues}
              </p>
            )}
          </CardContent>
        </Card>
      )}

      <Card>
        <CardContent className="pt-4">
          <p className="text-lg font-semibold" data-testid="today-progress">
            {t('today.progress', { made, standard, area: t(`area.${area}`) })}
          </p>
          <p className="text-sm text-muted-foreground">{t('today.planned', { count: schedule.length })}</p>
          <div className="mt-3 h-2 overflow-hidden rounded bg-muted" aria-hidden>
            <div className="h-full bg-primary" style={{ width: `${Math.min(100, (made / Math.max(standard, 1)) * 100)}%` }} />
          </div>
        </CardContent>
      </Card>

      <FieldSync day={day} />

      <Link
        href={`/reports/daily/${day}`}
        className="flex min-h-11 items-center gap-2 rounded-lg border bg-card px-4 py-3 text-sm hover:bg-muted"
        data-testid="today-report-link"
      >
        <span className="flex-1 font-medium">{t('reports.todayReport')}</span>
        <StatusBadge status={report?.status ?? 'draft'} late={report?.late} />
      </Link>


      <section aria-labelledby="schedule-heading" className="space-y-2">
        <h2 id="schedule-heading" className="font-semibold">
          {t('today.schedule')}
        </h2>
        {generated && schedule.length > 0 && <p className="text-xs text-muted-foreground">{t('today.generated')}</p>}
        {schedule.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{t('today.emptySchedule')}</p>
        ) : (
          <ScheduleList day={day} items={schedule} />
        )}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-2">
        <h2 id="recent-heading" className="font-semibold">
          {t('today.recent')}
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('today.emptyRecent')}</p>
        ) : (
          <ul className="divide-y rounded-lg border bg-card" data-testid="recent-visits">
            {recent.map((v) => (
              <li key={v.id} className="flex items-center gap-2 p-3 text-sm">
                <span className="min-w-0 flex-1 truncate">{v.retailerName}</span>
                {v.short && <Badge variant="warning">{t('today.short')}</Badge>}
                {v.offPlan && <Badge variant="outline">{t('today.offPlan')}</Badge>}
                <span className="text-muted-foreground">{t('today.minutes', { minutes: Math.round(v.durationSec / 60) })}</span>
                <span className="text-muted-foreground tabular-nums">{formatDateTime(v.startedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
