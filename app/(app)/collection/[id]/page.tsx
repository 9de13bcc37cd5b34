import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CollectionSheetForm } from '@/components/planning/collection-sheet-form';
import { WeekPicker } from '@/components/planning/week-picker';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getCollectionSheet } from '@/db/queries/planning';
import { getRetailerInScope } from '@/db/queries/visits';
import { requireRole } from '@/lib/auth/dal';
import { formatDateTime } from '@/lib/format';
import { collectionWeeks } from '@/lib/planning/collection';

export async function generateMetadata() {
  const t = await getTranslations('collection');
  return { title: t('heading') };
}

export default async function CollectionSheetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ week?: string }> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const shop = await getRetailerInScope(db, user, id);
  if (!shop || !shop.isCollectionPoint) notFound();
  const weeks = collectionWeeks();
  const asked = (await searchParams).week;
  const week = typeof asked === 'string' && weeks.includes(asked) ? asked : weeks[0];
  const sheet = await getCollectionSheet(db, shop, week);
  const t = await getTranslations('collection');
  const canWrite = user.role === 'manager';

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Toaster />
      <p className="text-sm">
        <Link href={`/collection?week=${week}`} className="text-primary underline-offset-4 hover:underline">
          {t('back')}
        </Link>
      </p>
      <div>
        <h1 className="text-xl font-semibold">{t('sheetHeading', { shop: shop.name })}</h1>
        <p className="text-sm text-muted-foreground">{shop.address}</p>
      </div>
      <WeekPicker weeks={weeks} current={week} action={`/collection/${shop.id}`} />
      <p className="text-sm" data-testid="sheet-status">
        {sheet.savedAt ? t('savedAt', { at: formatDateTime(sheet.savedAt) }) : t('notSaved')}
      </p>
      {canWrite ? (
        sheet.lines.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('noLines')}</p>
        ) : (
          <>
            {!sheet.savedAt && <p className="text-xs text-muted-foreground">{t('prefillNote')}</p>}
            <CollectionSheetForm key={`${week}:${sheet.savedAt?.toISOString() ?? ''}`} retailerId={shop.id} week={week} lines={sheet.lines} />
          </>
        )
      ) : (
        sheet.savedAt && (
          <Table data-testid="sheet-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('fields.spec')}</TableHead>
                <TableHead className="text-right">{t('fields.purchases')}</TableHead>
                <TableHead className="text-right">{t('fields.sales')}</TableHead>
                <TableHead className="text-right">{t('fields.stock')}</TableHead>
                <TableHead className="text-right">{t('fields.price')}</TableHead>
                <TableHead className="text-right">{t('fields.stockOutDays')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sheet.lines.map((l) => (
                <TableRow key={l.specId}>
                  <TableCell>{l.specName}</TableCell>
                  <TableCell className="text-right tabular-nums">{l.purchases}</TableCell>
                  <TableCell className="text-right tabular-nums">{l.sales}</TableCell>
                  <TableCell className="text-right tabular-nums">{l.stock}</TableCell>
                  <TableCell className="text-right tabular-nums">{l.priceFen === null ? '—' : (l.priceFen / 100).toFixed(2)}</TableCell>
                  <TableCell className="text-right tabular-nums">{l.stockOutDays}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      )}
    </div>
  );
}
