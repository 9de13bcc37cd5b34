import { getTranslations } from 'next-intl/server';
import { AdminRetailerTable } from '@/components/admin/retailer-admin';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { getDb } from '@/db/index';
import { adminRetailerListSpec, getAssignmentOptions, listAdminRetailers } from '@/db/queries/admin-retailers';
import { retailFormatEnum } from '@/db/schema';
import { requireRole } from '@/lib/auth/dal';
import { parseListParams } from '@/lib/lists/params';

export async function generateMetadata() {
  const t = await getTranslations('adminRetailers');
  return { title: t('heading') };
}

export default async function AdminRetailersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const params = parseListParams(await searchParams, adminRetailerListSpec);
  const db = await getDb();
  const [{ rows, total }, options] = await Promise.all([listAdminRetailers(db, user, params), getAssignmentOptions(db)]);
  const t = await getTranslations();
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t('adminRetailers.heading')}</h1>
      <DataTableToolbar
        exportPath="/api/v1/export/admin-retailers"
        fields={[
          { kind: 'search', name: 'q', label: t('retailers.searchLabel'), placeholder: t('adminRetailers.search') },
          { kind: 'select', name: 'manager', label: t('adminRetailers.manager'), options: options.managers.map((m) => ({ value: String(m.id), label: `${m.teamName} / ${m.name}` })) },
          { kind: 'select', name: 'route', label: t('retailers.route'), options: options.routes.map((r) => ({ value: String(r.id), label: r.name })) },
          { kind: 'select', name: 'grade', label: t('retailers.grade'), options: ['25-30', '10-24', '1-9'].map((g) => ({ value: g, label: t(`retailers.gradeRanges.${g}`) })) },
          { kind: 'select', name: 'area', label: t('retailers.area'), options: ['city', 'rural'].map((a) => ({ value: a, label: t(`area.${a}`) })) },
          { kind: 'select', name: 'format', label: t('retailers.format'), options: retailFormatEnum.enumValues.map((f) => ({ value: f, label: t(`formats.${f}`) })) },
          { kind: 'select', name: 'flag', label: t('retailers.flags'), options: (['key', 'enterprise', 'collection', 'not_e_settlement'] as const).map((f) => ({ value: f, label: t(`adminRetailers.flagFilter.${f}`) })) },
          { kind: 'select', name: 'status', label: t('adminRetailers.status'), options: (['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`adminRetailers.statuses.${s}`) })) },
        ]}
      />
      <AdminRetailerTable data={rows} total={total} page={params.page} size={params.size} sort={params.sort} />
    </div>
  );
}
