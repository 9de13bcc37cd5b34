import { getTranslations } from 'next-intl/server';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { VisitTable } from '@/components/visits/visit-table';
import { getDb } from '@/db/index';
import { listVisits, visitListSpec } from '@/db/queries/visit-list';
import { requireRole } from '@/lib/auth/dal';
import { parseListParams } from '@/lib/lists/params';

export async function generateMetadata() {
  const t = await getTranslations('visits');
  return { title: t('heading') };
}

export default async function VisitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const params = parseListParams(await searchParams, visitListSpec);
  const { rows, total } = await listVisits(await getDb(), user, params);
  const t = await getTranslations('visits');
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t('heading')}</h1>
      <DataTableToolbar
        exportPath="/api/v1/export/visits"
        fields={[
          { kind: 'search', name: 'q', label: t('searchLabel'), placeholder: t('search') },
          { kind: 'date', name: 'from', label: t('from') },
          { kind: 'date', name: 'to', label: t('to') },
          { kind: 'select', name: 'short', label: t('short'), options: [{ value: '1', label: t('yes') }] },
          { kind: 'select', name: 'offPlan', label: t('offPlan'), options: [{ value: '1', label: t('yes') }] },
        ]}
      />
      <VisitTable data={rows} total={total} page={params.page} size={params.size} sort={params.sort} showManager={user.role !== 'manager'} />
    </div>
  );
}
