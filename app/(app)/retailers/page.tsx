import { getTranslations } from 'next-intl/server';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { RetailerTable } from '@/components/retailers/retailer-table';
import { getDb } from '@/db/index';
import { getRoutesInScope, listRetailers, retailerListSpec } from '@/db/queries/retailers';
import { retailFormatEnum } from '@/db/schema';
import { requireRole } from '@/lib/auth/dal';
import { parseListParams } from '@/lib/lists/params';

export async function generateMetadata() {
  const t = await getTranslations('retailers');
  return { title: t('heading') };
}

export default async function RetailersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const params = parseListParams(await searchParams, retailerListSpec);
  const db = await getDb();
  const [{ rows, total }, routeRows] = await Promise.all([listRetailers(db, user, params), getRoutesInScope(db, user)]);
  const t = await getTranslations();
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t('retailers.heading')}</h1>
      <DataTableToolbar
        exportPath="/api/v1/export/retailers"
        fields={[
          { kind: 'search', name: 'q', label: t('retailers.searchLabel'), placeholder: t('retailers.search') },
          { kind: 'select', name: 'grade', label: t('retailers.grade'), options: ['25-30', '10-24', '1-9'].map((g) => ({ value: g, label: t(`retailers.gradeRanges.${g}`) })) },
          { kind: 'select', name: 'area', label: t('retailers.area'), options: ['city', 'rural'].map((a) => ({ value: a, label: t(`area.${a}`) })) },
          { kind: 'select', name: 'format', label: t('retailers.format'), options: retailFormatEnum.enumValues.map((f) => ({ value: f, label: t(`formats.${f}`) })) },
          { kind: 'select', name: 'route', label: t('retailers.route'), options: routeRows.map((r) => ({ value: String(r.id), label: r.name })) },
        ]}
      />
      <RetailerTable data={rows} total={total} page={params.page} size={params.size} sort={params.sort} />
    </div>
  );
}
