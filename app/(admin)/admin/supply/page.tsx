import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RemoveButton, SupplyForm } from '@/components/admin/catalog-forms';
import { MonthPicker } from '@/components/admin/month-picker';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getSupplyAllocations, listSpecs, monthParam } from '@/db/queries/admin-catalog';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('adminCatalog');
  return { title: t('supplyHeading') };
}

export default async function AdminSupplyPage({ searchParams }: { searchParams: Promise<{ month?: string; edit?: string }> }) {
  await requireRole('admin');
  const sp = await searchParams;
  const month = monthParam(sp.month);
  const db = await getDb();
  const [rows, specRows] = await Promise.all([getSupplyAllocations(db, month), listSpecs(db)]);
  const editing = rows.find((r) => String(r.id) === sp.edit);
  const t = await getTranslations('adminCatalog');
  return (
    <div className="space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('supplyHeading')}</h1>
        <p className="text-sm text-muted-foreground">{t('supplyIntro')}</p>
      </div>
      <MonthPicker month={month} label={t('month')} submit={t('show')} />
      <Table data-testid="supply-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t('spec')}</TableHead>
            <TableHead>{t('grades')}</TableHead>
            <TableHead>{t('maxPerWeek')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={4} className="h-20 text-center text-muted-foreground">
                {t('noSupply')}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.specName}</TableCell>
                <TableCell className="tabular-nums">{t('gradeRange', { min: r.gradeMin, max: r.gradeMax })}</TableCell>
                <TableCell className="tabular-nums">{t('perWeek', { qty: r.maxPerWeek })}</TableCell>
                <TableCell className="flex gap-2">
                  <Link href={`/admin/supply?month=${month.slice(0, 7)}&edit=${r.id}`} className="inline-flex h-9 items-center text-sm text-primary hover:underline">
                    {t('edit')}
                  </Link>
                  <RemoveButton id={r.id} kind="supply" />
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <Card>
        <CardHeader>
          <CardTitle>{editing ? t('editSupply') : t('addSupply')}</CardTitle>
        </CardHeader>
        <CardContent>
          <SupplyForm month={month} specs={specRows} row={editing} />
        </CardContent>
      </Card>
    </div>
  );
}
