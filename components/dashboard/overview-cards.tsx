import { getTranslations } from 'next-intl/server';
import type { Db } from '@/db/index';
import type { ResolvedFilter } from '@/db/queries/dashboard';
import type { Scope } from '@/lib/auth/scope';
import { changeText, num, pct } from '@/lib/dashboard/format';
import { getOverview, type View } from '@/lib/dashboard/overview';
import { change } from '@/lib/metrics';
import { KpiCard } from './kpi-card';

export async function OverviewCards({ db, scope, f, prev, today }: { db: Db; scope: Scope; f: ResolvedFilter; prev: View; today: string }) {
  const [o, t] = await Promise.all([getOverview(db, scope, f, prev, today), getTranslations('dash')]);
  const labels = { prefix: t('change.prefix'), flat: t('change.flat'), points: t('change.points') };
  const { cur, before } = o;
  return (
    <section className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="kpi-cards">
      <KpiCard testId="kpi-visit-completion" label={t('kpi.visitCompletion')} value={pct(cur.visitCompletion)} change={change(cur.visitCompletion, before.visitCompletion)} changeLabel={changeText(change(cur.visitCompletion, before.visitCompletion), 'points', labels)} />
      <KpiCard testId="kpi-shelving" label={t('kpi.shelvingRate')} value={pct(cur.shelvingRate)} note={<span data-testid="kpi-shelving-detail" data-shelved={cur.shelved} data-eligible={cur.eligible}>{t('kpi.shelvingDetail', { shelved: cur.shelved, eligible: cur.eligible })}</span>} change={change(cur.shelvingRate, before.shelvingRate)} changeLabel={changeText(change(cur.shelvingRate, before.shelvingRate), 'points', labels)} />
      <KpiCard testId="kpi-avg-stock" label={t('kpi.avgStock')} value={num(cur.avgStock)} unit={t('kpi.tiao')} change={change(cur.avgStock, before.avgStock)} changeLabel={changeText(change(cur.avgStock, before.avgStock), 'number', labels)} better="down" note={<span data-testid="kpi-avg-stock-detail" data-stock={cur.stockSum} data-shops={cur.stockShops}>{t('kpi.stockDetail', { stock: cur.stockSum, shops: cur.stockShops })}</span>} />
      <KpiCard testId="kpi-stock-to-sales" label={t('kpi.stockToSales')} value={num(cur.stockToSales, 2)} unit={t('kpi.stockToSalesUnit')} change={change(cur.stockToSales, before.stockToSales)} changeLabel={changeText(change(cur.stockToSales, before.stockToSales), 'number', labels, 2)} better="down" />
      <KpiCard testId="kpi-sell-through" label={t('kpi.sellThrough')} value={pct(cur.sellThrough)} change={change(cur.sellThrough, before.sellThrough)} changeLabel={changeText(change(cur.sellThrough, before.sellThrough), 'points', labels)} />
      <KpiCard testId="kpi-complaints-open" label={t('kpi.complaintsOpen')} value={String(o.complaints.open)} unit={t('kpi.cases')} change={null} changeLabel={t('kpi.overdue', { count: o.complaints.overdue })} />
      <KpiCard testId="kpi-on-time" label={t('kpi.onTime')} value={pct(o.complaints.onTime)} change={change(o.complaints.onTime, o.complaints.prevOnTime)} changeLabel={changeText(change(o.complaints.onTime, o.complaints.prevOnTime), 'points', labels)} />
      <KpiCard
        testId="kpi-target"
        label={t('kpi.targetCompletion')}
        value={pct(o.target.completion)}
        change={change(o.target.completion, o.target.prevCompletion)}
        changeLabel={changeText(change(o.target.completion, o.target.prevCompletion), 'points', labels)}
        note={t('kpi.timeProgress', { value: pct(o.target.timeProgress) })}
      />
    </section>
  );
}
