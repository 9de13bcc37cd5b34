import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';

/** The plan's checks: every shop at its frequency, every day near the daily standard. */
export async function PlanChecksView({
  items,
  uncovered,
  days,
}: {
  items: number;
  uncovered: { retailerId: number; name: string; planned: number; required: number }[];
  days: { day: string; count: number; standard: number; near: boolean }[];
}) {
  const t = await getTranslations('plan');
  const off = days.filter((d) => !d.near);
  return (
    <div className="space-y-2 text-sm" data-testid="plan-checks">
      <p>{t('total', { items, days: days.length })}</p>
      <p className="flex flex-wrap items-center gap-2">
        {uncovered.length === 0 ? (
          <Badge variant="success" data-testid="check-coverage" data-uncovered={0}>
            {t('allCovered')}
          </Badge>
        ) : (
          <Badge variant="warning" data-testid="check-coverage" data-uncovered={uncovered.length}>
            {t('uncovered', { count: uncovered.length })}
          </Badge>
        )}
        {off.length === 0 ? (
          <Badge variant="success" data-testid="check-days" data-off={0}>
            {t('allNear')}
          </Badge>
        ) : (
          <Badge variant="warning" data-testid="check-days" data-off={off.length}>
            {t('offStandard', { count: off.length })}
          </Badge>
        )}
      </p>
      {uncovered.length > 0 && (
        <details>
          <summary className="cursor-pointer text-primary">{t('showUncovered')}</summary>
          <ul className="mt-1 grid gap-1 sm:grid-cols-2">
            {uncovered.map((u) => (
              <li key={u.retailerId}>{t('uncoveredShop', { name: u.name, planned: u.planned, required: u.required })}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="text-xs text-muted-foreground">{t('rule')}</p>
    </div>
  );
}
