import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SpecForm } from '@/components/admin/catalog-forms';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { listSpecs } from '@/db/queries/admin-catalog';
import { requireRole } from '@/lib/auth/dal';
import { formatYuan } from '@/lib/format';

export async function generateMetadata() {
  const t = await getTranslations('adminCatalog');
  return { title: t('specsHeading') };
}

export default async function AdminSpecsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  await requireRole('admin');
  const [rows, { edit }] = await Promise.all([listSpecs(await getDb()), searchParams]);
  const editing = rows.find((r) => String(r.id) === edit);
  const t = await getTranslations('adminCatalog');
  return (
    <div className="space-y-4">
      <Toaster />
      <h1 className="text-xl font-semibold">{t('specsHeading')}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{editing ? t('editSpec', { name: editing.name }) : t('newSpec')}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2">
          <SpecForm spec={editing} />
          {editing && (
            <Link href="/admin/specs" className="text-sm text-primary hover:underline">
              {t('cancelEdit')}
            </Link>
          )}
        </CardContent>
      </Card>
      <Table data-testid="spec-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t('code')}</TableHead>
            <TableHead>{t('brand')}</TableHead>
            <TableHead>{t('specName')}</TableHead>
            <TableHead>{t('priceClass')}</TableHead>
            <TableHead>{t('wholesale')}</TableHead>
            <TableHead>{t('retail')}</TableHead>
            <TableHead>{t('packing')}</TableHead>
            <TableHead>{t('active')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={9} className="h-20 text-center text-muted-foreground">
                {t('noSpecs')}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="font-mono text-xs">{r.code}</TableCell>
                <TableCell>{r.brand}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{t(`priceClasses.${r.priceClass}`)}</TableCell>
                <TableCell className="tabular-nums">{formatYuan(r.wholesaleFen)}</TableCell>
                <TableCell className="tabular-nums">{formatYuan(r.retailFen)}</TableCell>
                <TableCell className="tabular-nums">{t('packingValue', { packs: r.packsPerCarton, sticks: r.sticksPerPack })}</TableCell>
                <TableCell>{r.active ? <Badge variant="success">{t('activeYes')}</Badge> : <Badge variant="secondary">{t('activeNo')}</Badge>}</TableCell>
                <TableCell>
                  <Link href={`/admin/specs?edit=${r.id}`} className="text-sm text-primary hover:underline">
                    {t('edit')}
                  </Link>
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
