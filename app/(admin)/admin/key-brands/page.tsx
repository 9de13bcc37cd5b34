import { getTranslations } from 'next-intl/server';
import { CopyKeyBrandsButton, KeyBrandAddForm, RemoveButton } from '@/components/admin/catalog-forms';
import { MonthPicker } from '@/components/admin/month-picker';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getKeyBrandItems, listSpecs, monthParam } from '@/db/queries/admin-catalog';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('adminCatalog');
  return { title: t('keyBrandsHeading') };
}

export default async function AdminKeyBrandsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  await requireRole('admin');
  const month = monthParam((await searchParams).month);
  const db = await getDb();
  const [items, specRows] = await Promise.all([getKeyBrandItems(db, month), listSpecs(db)]);
  const t = await getTranslations('adminCatalog');
  return (
    <div className="space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('keyBrandsHeading')}</h1>
        <p className="text-sm text-muted-foreground">{t('keyBrandsIntro')}</p>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <MonthPicker month={month} label={t('month')} submit={t('show')} />
        {items.length === 0 && <CopyKeyBrandsButton month={month} />}
      </div>
      <Table data-testid="key-brand-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t('spec')}</TableHead>
            <TableHead>{t('priceClass')}</TableHead>
            <TableHead>{t('eligibleGrades')}</TableHead>
            <TableHead>{t('area')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5} className="h-20 text-center text-muted-foreground">
                {t('noKeyBrands')}
              </TableCell>
            </TableRow>
          ) : (
            items.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{i.specName}</TableCell>
                <TableCell>{t(`priceClasses.${i.priceClass}`)}</TableCell>
                <TableCell className="tabular-nums">{t('gradeRange', { min: i.gradeMin, max: i.gradeMax })}</TableCell>
                <TableCell>{i.area ? t(`areas.${i.area}`) : t('bothAreas')}</TableCell>
                <TableCell>
                  <RemoveButton id={i.id} kind="keyBrand" />
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <Card>
        <CardHeader>
          <CardTitle>{t('addKeyBrand')}</CardTitle>
        </CardHeader>
        <CardContent>
          <KeyBrandAddForm month={month} specs={specRows} />
        </CardContent>
      </Card>
    </div>
  );
}
