import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { SummaryFigures as Figures } from '@/db/reports';
import { formatPercent } from '@/lib/format';

/** A summary's statistics: frozen at submission, with what changed since beside each figure. */
export async function SummaryFigures({ shown, live, frozen }: { shown: Figures; live: Figures; frozen: boolean }) {
  const t = await getTranslations('reports');
  const n1 = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  const changedWhen = (keys: (keyof Figures)[], value: string) =>
    frozen && keys.some((k) => shown[k] !== live[k]) ? (
      <Badge variant="warning" className="ml-2">
        {t('changed', { value })}
      </Badge>
    ) : null;
  const rows: [string, React.ReactNode, React.ReactNode, string][] = [
    [t('stat.completion'), `${formatPercent(shown.visitCompletion)}（${t('stat.visits', { made: shown.made, planned: shown.planned })}）`, changedWhen(['made', 'planned', 'plannedMade'], formatPercent(live.visitCompletion)), 'completion'],
    [t('stat.short'), shown.short, changedWhen(['short'], String(live.short)), 'short'],
    [t('stat.shelving'), `${formatPercent(shown.shelvingRate)}（${shown.shelved}/${shown.eligible}）`, changedWhen(['shelved', 'eligible'], formatPercent(live.shelvingRate)), 'shelving'],
    [t('stat.avgStock'), n1(shown.avgStock), changedWhen(['stockSum'], n1(live.avgStock)), 'avg-stock'],
    [t('stat.sellThrough'), formatPercent(shown.sellThrough), changedWhen(['impliedSales', 'sellBase'], formatPercent(live.sellThrough)), 'sell-through'],
    [t('stat.purchases'), shown.purchases, changedWhen(['purchases'], String(live.purchases)), 'purchases'],
    [
      t('stat.target'),
      shown.targetQty === null ? '—' : `${formatPercent(shown.targetCompletion)}（${t('stat.targetOf', { purchases: shown.monthPurchases, target: shown.targetQty })}）`,
      changedWhen(['monthPurchases'], formatPercent(live.targetCompletion)),
      'target',
    ],
    ['', t('stat.complaints', { opened: shown.complaintsOpened, resolved: shown.complaintsResolved }), changedWhen(['complaintsOpened', 'complaintsResolved'], `${live.complaintsOpened}/${live.complaintsResolved}`), 'complaints'],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="summary-figures">
      {rows.map(([label, value, changed, id]) => (
        <div key={id} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd data-testid={`stat-${id}`}>
            <span className="tabular-nums">{value}</span>
            {changed}
          </dd>
        </div>
      ))}
    </dl>
  );
}
