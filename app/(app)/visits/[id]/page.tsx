import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/index';
import { getVisitInScope } from '@/db/queries/visit-list';
import { requireRole } from '@/lib/auth/dal';
import { formatDateTime, formatTime } from '@/lib/format';

const SECTION_KEYS = ['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'] as const;

export default async function VisitDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const visit = await getVisitInScope(await getDb(), user, (await params).id);
  if (!visit) notFound();
  const t = await getTranslations();
  const yesNo = (v: boolean) => (v ? t('visits.yesMark') : t('visits.noMark'));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">
          {t('visits.detail')} · <Link href={`/retailers/${visit.retailerId}`} className="text-primary hover:underline">{visit.retailerName}</Link>
        </h1>
        <p className="text-sm text-muted-foreground">{t('visits.readOnly')}</p>
      </div>
      <Card>
        <CardContent className="grid grid-cols-2 gap-2 pt-4 text-sm sm:grid-cols-4">
          <div>
            <p className="text-muted-foreground">{t('visits.started')}</p>
            <p className="tabular-nums" data-testid="visit-started-at">{formatDateTime(visit.startedAt)}</p>
          </div>
          <div>
            <p className="text-muted-foreground">{t('visits.ended')}</p>
            <p className="tabular-nums">{formatTime(visit.endedAt)}</p>
          </div>
          <div>
            <p className="text-muted-foreground">{t('visits.duration')}</p>
            <p>
              {t('today.minutes', { minutes: Math.round(visit.durationSec / 60) })} {visit.short && <Badge variant="warning">{t('today.short')}</Badge>}{' '}
              {visit.offPlan && <Badge variant="outline">{t('today.offPlan')}</Badge>}
            </p>
          </div>
          <div>
            <p className="text-muted-foreground">{t('visits.received')}</p>
            <p className="tabular-nums">{formatDateTime(visit.receivedAt)}</p>
            <p className="text-xs text-muted-foreground">
              {t('visits.offset')} {t('visits.seconds', { s: Math.round(visit.clockOffsetMs / 1000) })}
            </p>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('visits.sections')}</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            {SECTION_KEYS.map((k) => (
              <li key={k} className="flex items-center gap-2">
                <span className="font-bold">{t(`visit.sections.${k}`)}</span>
                <span>{t(`visit.sectionNames.${k}`)}</span>
                <span className={visit.sections[k]?.done ? 'text-success' : 'text-muted-foreground'}>{visit.sections[k]?.done ? '✓' : '—'}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            {t('visits.illegal')}：{visit.illegalFound ? visit.illegalNote : t('visits.none')}
          </p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('visits.stock')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="visit-stock">
            <TableHeader>
              <TableRow>
                <TableHead>{t('visits.spec')}</TableHead>
                <TableHead className="text-right">{t('visits.qty')}</TableHead>
                <TableHead>{t('visits.onCounter')}</TableHead>
                <TableHead>{t('visits.priceTag')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {visit.stock.map((l) => (
                <TableRow key={l.specId}>
                  <TableCell>
                    {l.isKey && <Badge className="mr-1">{t('visit.stock.key')}</Badge>}
                    {l.name}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{l.stock}</TableCell>
                  <TableCell>{yesNo(l.onCounter)}</TableCell>
                  <TableCell>{yesNo(l.priceTagOk)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>{t('visits.orders')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1 text-sm">
            {visit.orders.length === 0 && <p className="text-muted-foreground">{t('visits.none')}</p>}
            {visit.orders.map((o) => (
              <p key={o.specId}>
                {o.name} × {o.qty} {o.overLimit && <Badge variant="warning">{t('visits.overLimit')}</Badge>}
              </p>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('visits.info')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1 text-sm">
            {visit.info.length === 0 && <p className="text-muted-foreground">{t('visits.none')}</p>}
            {visit.info.map((i) => (
              <p key={i.id}>
                <Badge variant="outline" className="mr-1">
                  {t(`visit.info.kinds.${i.kind}`)}
                </Badge>
                {i.note}
              </p>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('visits.complaints')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1 text-sm" data-testid="visit-complaints">
            {visit.complaints.length === 0 && <p className="text-muted-foreground">{t('visits.none')}</p>}
            {visit.complaints.map((c) => (
              <p key={c.id}>
                <span className="font-mono text-xs">{c.number}</span> {c.category}：{c.description}
              </p>
            ))}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
