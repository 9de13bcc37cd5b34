import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { getForecastAccuracy } from '@/db/queries/planning';
import { formatPercent } from '@/lib/format';

type Accuracy = Awaited<ReturnType<typeof getForecastAccuracy>>;

const qty = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN'));

export function AccuracyTables({ accuracy }: { accuracy: Accuracy }) {
  const t = useTranslations('forecasts');
  const ts = useTranslations('screening');
  return (
    <div className="space-y-4">
      <section aria-labelledby="acc-total" className="space-y-2">
        <h3 id="acc-total" className="font-medium">
          {t('accuracy.totalHeading')}
        </h3>
        {accuracy.total.forecast === null && <p className="text-sm text-muted-foreground">{t('accuracy.noTotal')}</p>}
        <Table data-testid="accuracy-total">
          <TableHeader>
            <TableRow>
              <TableHead>{t('accuracy.priceClass')}</TableHead>
              <TableHead className="text-right">{t('accuracy.forecast')}</TableHead>
              <TableHead className="text-right">{t('accuracy.actual')}</TableHead>
              <TableHead className="text-right">{t('accuracy.rate')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accuracy.classes.map((c) => (
              <TableRow key={c.priceClass}>
                <TableCell>{t(`classes.${c.priceClass}`)}</TableCell>
                <TableCell className="text-right tabular-nums">{qty(c.forecast)}</TableCell>
                <TableCell className="text-right tabular-nums">{qty(c.actual)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatPercent(c.accuracy)}</TableCell>
              </TableRow>
            ))}
            <TableRow className="font-medium">
              <TableCell>{t('accuracy.all')}</TableCell>
              <TableCell className="text-right tabular-nums">{qty(accuracy.total.forecast)}</TableCell>
              <TableCell className="text-right tabular-nums">{qty(accuracy.total.actual)}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="accuracy-total-rate">
                {formatPercent(accuracy.total.accuracy)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="acc-indiv" className="space-y-2">
        <h3 id="acc-indiv" className="font-medium">
          {t('accuracy.individualHeading')}
          {accuracy.individualMean !== null && <span className="ml-2 text-sm font-normal text-muted-foreground">{t('accuracy.mean', { rate: formatPercent(accuracy.individualMean) })}</span>}
        </h3>
        {accuracy.shops.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('accuracy.noIndividual')}</p>
        ) : (
          <Table data-testid="accuracy-individual">
            <TableHeader>
              <TableRow>
                <TableHead>{t('accuracy.shop')}</TableHead>
                <TableHead className="text-right">{t('accuracy.forecast')}</TableHead>
                <TableHead className="text-right">{t('accuracy.actual')}</TableHead>
                <TableHead className="text-right">{t('accuracy.rate')}</TableHead>
                <TableHead>{t('accuracy.note')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {accuracy.shops.map((s) => (
                <TableRow key={s.retailerId}>
                  <TableCell>
                    {s.name} {s.group && s.group !== 'general' && <Badge variant="secondary">{ts(`groups.${s.group}`)}</Badge>}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{qty(s.forecast)}</TableCell>
                  <TableCell className="text-right tabular-nums">{qty(s.actual)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatPercent(s.accuracy)}</TableCell>
                  <TableCell className="max-w-48 truncate text-muted-foreground">{s.note ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <p className="text-xs text-muted-foreground">{t('accuracy.formula')}</p>
    </div>
  );
}
