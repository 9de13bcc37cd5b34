import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScreeningTable } from '@/components/planning/screening-table';
import { Card, CardContent } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getScreening } from '@/db/queries/planning';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { screeningWeeks } from '@/lib/planning/screening';
import { getSettings } from '@/lib/settings';
import { addDays, monthStart } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('screening');
  return { title: t('heading') };
}

export default async function ScreeningPage() {
  const user = await requireRole('manager');
  const db = await getDb();
  const day = today();
  const month = monthStart(day);
  const [rows, settings] = await Promise.all([getScreening(db, user.userId, month), getSettings(db)]);
  const t = await getTranslations('screening');
  const tf = await getTranslations('forecasts');
  const span = screeningWeeks(month, settings.highFluctuationWeeks);
  const computedAt = rows.reduce<Date | null>((a, r) => (r.computedAt && (!a || r.computedAt > a) ? r.computedAt : a), null);
  const late = Number(day.slice(8, 10)) > 5;

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Toaster />
      <p className="text-sm">
        <Link href="/forecasts" className="text-primary underline-offset-4 hover:underline">
          {tf('back')}
        </Link>
      </p>
      <div>
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-muted-foreground">
          {tf('monthLabel', { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) })}
          {computedAt && ` · ${t('computedAt', { at: formatDateTime(computedAt) })}`}
        </p>
      </div>
      {late && <p className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="window-passed">{t('late')}</p>}
      <Card>
        <CardContent className="space-y-1 pt-4 text-sm">
          <p className="font-medium">{t('ruleTitle')}</p>
          <p>{t('ruleKey', { grade: settings.keyCustomerMinGrade })}</p>
          <p>
            {t('ruleHigh', {
              weeks: settings.highFluctuationWeeks,
              cv: settings.highFluctuationCv,
              from: span.from,
              to: addDays(span.to, -1),
            })}
          </p>
          <p>{t('ruleEnterprise')}</p>
          <p className="text-muted-foreground">{t('ruleJudgement')}</p>
        </CardContent>
      </Card>
      <ScreeningTable rows={rows} canEdit />
    </div>
  );
}
