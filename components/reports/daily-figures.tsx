import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { DailyFigures as Figures } from '@/db/reports';
import { formatPercent, formatTime } from '@/lib/format';
import { ratio } from '@/lib/metrics';

function Item({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="space-y-1 border-b py-3 last:border-b-0" data-testid={testId}>
      <h3 className="text-sm font-medium">{label}</h3>
      <div className="text-sm">{children}</div>
    </div>
  );
}

/**
 * The computed items of a daily report (1, 2, 4, 5, 6, 7, 9). `shown` is the frozen figures of a
 * submitted report, or the live ones of a draft; where live differs from frozen it says so beside it.
 */
export async function DailyFigures({ shown, live, frozen }: { shown: Figures; live: Figures; frozen: boolean }) {
  const t = await getTranslations('reports');
  const changed = (key: keyof Figures, format: (f: Figures) => string = (f) => String(f[key])) =>
    frozen && shown[key] !== live[key] ? (
      <Badge variant="warning" className="ml-2" data-testid={`changed-${key}`}>
        {t('changed', { value: format(live) })}
      </Badge>
    ) : null;
  const n1 = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  return (
    <div data-testid="daily-figures">
      <Item label={t('items.planned')} testId="item-planned">
        <span data-value={shown.planned}>{t('figures.households', { count: shown.planned })}</span>
        {changed('planned')}
        {shown.planned === 0 && <p className="text-muted-foreground">{t('figures.noPlan')}</p>}
      </Item>
      <Item label={t('items.made')} testId="item-made">
        <span data-value={shown.made}>{t('figures.households', { count: shown.made })}</span>
        {changed('made')}
        <p className="text-muted-foreground">
          {t('figures.plannedMade', { count: shown.plannedMade })} · {t('figures.offPlan', { count: shown.offPlan })} · {t('figures.short', { count: shown.short })}
          {shown.firstStart && <> · {t('figures.hours', { first: formatTime(shown.firstStart), last: formatTime(shown.lastEnd) })}</>}
        </p>
      </Item>
      <Item label={t('items.stock')} testId="item-stock">
        {shown.stockShops === 0 ? (
          <p className="text-muted-foreground">{t('figures.noStock')}</p>
        ) : (
          <>
            <p>
              <span data-value={shown.stockSum}>{t('figures.avgStock', { value: n1(shown.avgStock), shops: shown.stockShops })}</span>
              {changed('stockSum', (f) => n1(f.avgStock))}
            </p>
            {shown.stockBand && <p>{t('figures.weeks', { value: n1(shown.weeksOfStock), band: t(`figures.bands.${shown.stockBand}`) })}</p>}
            {shown.structureGapPoints !== null && (
              <p>{t('figures.structure', { gap: shown.structureGapPoints.toFixed(1), verdict: t(shown.structureOk ? 'figures.structureOk' : 'figures.structureBad') })}</p>
            )}
            <p className="text-xs text-muted-foreground">{t('figures.companyRule')}</p>
          </>
        )}
      </Item>
      <Item label={t('items.keyCustomers')} testId="item-key-customers">
        {shown.keyCustomers.length === 0 ? (
          <p className="text-muted-foreground">{t('figures.noKeyCustomers')}</p>
        ) : (
          <ul className="grid gap-1 sm:grid-cols-2">
            {shown.keyCustomers.map((k) => (
              <li key={k.retailerId} className="flex justify-between gap-2">
                <span className="truncate">{k.name}</span>
                <span className="tabular-nums">{t('figures.stockOf', { value: k.stock })}</span>
              </li>
            ))}
          </ul>
        )}
      </Item>
      <Item label={t('items.sellThrough')} testId="item-sell-through">
        <span data-value={shown.sellThrough ?? ''}>
          {t('figures.sellThrough', { value: formatPercent(shown.sellThrough), sales: shown.impliedSales, base: shown.sellBase })}
        </span>
        {changed('impliedSales', (f) => formatPercent(f.sellThrough))}
      </Item>
      <Item label={t('items.shelving')} testId="item-shelving">
        <span data-should={shown.keyShouldShelve} data-shelved={shown.keyShelved}>
          {t('figures.shelving', { should: shown.keyShouldShelve, shelved: shown.keyShelved, rate: formatPercent(ratio(shown.keyShelved, shown.keyShouldShelve)) })}
        </span>
        {changed('keyShelved', (f) => `${f.keyShelved}/${f.keyShouldShelve}`)}
      </Item>
      <Item label={t('items.complaints')} testId="item-complaints">
        {t('figures.complaints', { complaints: shown.complaints, opinions: shown.opinions, feedback: shown.feedback })}
        {changed('complaints')}
      </Item>
    </div>
  );
}
