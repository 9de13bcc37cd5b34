import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StockTrendChart } from '@/components/charts/stock-trend-chart';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/index';
import { getKeyStockTrend, getMonthOrders, getOpenComplaints, getRetailerVisits, maskPhone } from '@/db/queries/retailers';
import { getRetailerInScope } from '@/db/queries/visits';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatDateTime, formatRate, formatYuan } from '@/lib/format';

export default async function RetailerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const shop = await getRetailerInScope(db, user, id);
  if (!shop) notFound();
  const day = today();
  const [history, trend, month, open] = await Promise.all([
    getRetailerVisits(db, id),
    getKeyStockTrend(db, id, day),
    getMonthOrders(db, id, day),
    getOpenComplaints(db, id),
  ]);
  const t = await getTranslations();
  const facts: [string, React.ReactNode][] = [
    [t('retailers.licenceNo'), shop.licenceNo],
    [t('retailers.owner'), shop.owner],
    [t('retailers.phone'), maskPhone(shop.phone)],
    [t('retailers.address'), shop.address],
    [t('retailers.route'), shop.routeName],
    [t('retailers.area'), t(`area.${shop.area}`)],
    [t('retailers.format'), t(`formats.${shop.format}`)],
    [t('retailers.size'), t(`sizes.${shop.size}`)],
    [t('retailers.grade'), shop.grade],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold" data-testid="retailer-name">
          {shop.name}
        </h1>
        {shop.isKeyCustomer && <Badge>{t('retailers.key')}</Badge>}
        {shop.isEnterprise && <Badge variant="outline">{t('retailers.enterprise')}</Badge>}
        {shop.isCollectionPoint && <Badge variant="outline">{t('retailers.collectionPoint')}</Badge>}
        {shop.isESettlement && <Badge variant="secondary">{t('retailers.eSettlement')}</Badge>}
        {user.role === 'manager' && (
          <span className="ml-auto flex gap-2">
            <Button asChild>
              <a href={`/visit?r=${shop.id}`}>{t('retailers.startVisit')}</a>
            </Button>
            <Button asChild variant="outline">
              <Link href={`/complaints/new?r=${shop.id}`}>{t('retailers.newComplaint')}</Link>
            </Button>
          </span>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('retailers.details')}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {facts.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-muted-foreground">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('retailers.stockTrend')}</CardTitle>
          </CardHeader>
          <CardContent>
            {trend.points.length === 0 ? <p className="text-sm text-muted-foreground">{t('retailers.noTrend')}</p> : <StockTrendChart series={trend.series} points={trend.points} />}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('retailers.orders')}</CardTitle>
            <p className="text-sm" data-testid="agreement-progress">
              {month.agreed
                ? `${t('retailers.agreementText', { purchased: month.purchased, agreed: month.agreed })}（${formatRate(month.purchased, month.agreed)}）`
                : t('retailers.noAgreement')}
            </p>
          </CardHeader>
          <CardContent>
            {month.orders.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('retailers.noOrders')}</p>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t('retailers.orderDate')}</TableHead>
                    <TableHead>{t('retailers.deliveryDate')}</TableHead>
                    <TableHead className="text-right">{t('retailers.ordered')}</TableHead>
                    <TableHead className="text-right">{t('retailers.supplied')}</TableHead>
                    <TableHead className="text-right">{t('retailers.amount')}</TableHead>
                    <TableHead>{t('retailers.settlement')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {month.orders.map((o) => (
                    <TableRow key={o.orderNo}>
                      <TableCell>{o.orderDate}</TableCell>
                      <TableCell>{o.deliveryDate}</TableCell>
                      <TableCell className="text-right tabular-nums">{o.ordered}</TableCell>
                      <TableCell className="text-right tabular-nums">{o.supplied}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatYuan(o.amountFen)}</TableCell>
                      <TableCell>
                        <Badge variant={o.settlementStatus === 'failed' ? 'destructive' : 'secondary'}>{t(`settlement.${o.settlementStatus}`)}</Badge>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('retailers.complaints')}</CardTitle>
          </CardHeader>
          <CardContent>
            {open.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('retailers.noComplaints')}</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="open-complaints">
                {open.map((c) => (
                  <li key={c.id} className="rounded-md border p-2">
                    <div className="flex items-center gap-2">
                      <span className="font-mono text-xs">{c.number}</span>
                      <Badge variant="outline">{c.category}</Badge>
                      <Badge variant="warning" className="ml-auto">
                        {t(`complaintStatus.${c.status}`)}
                      </Badge>
                    </div>
                    <p className="mt-1">{c.description}</p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t('retailers.visits')}</CardTitle>
        </CardHeader>
        <CardContent>
          {history.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('retailers.noVisits')}</p>
          ) : (
            <ul className="divide-y text-sm" data-testid="retailer-visits">
              {history.map((v) => (
                <li key={v.id} className="flex items-center gap-2 py-2">
                  <Link href={`/visits/${v.id}`} className="tabular-nums text-primary hover:underline">
                    {formatDateTime(v.startedAt)}
                  </Link>
                  <span className="text-muted-foreground">{t('today.minutes', { minutes: Math.round(v.durationSec / 60) })}</span>
                  {v.short && <Badge variant="warning">{t('today.short')}</Badge>}
                  {v.offPlan && <Badge variant="outline">{t('today.offPlan')}</Badge>}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
