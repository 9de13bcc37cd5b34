import { getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/admin/audit-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { getDb } from '@/db/index';
import { auditListSpec, getAuditActions, listAudit } from '@/db/queries/admin-audit';
import { auditActionKey } from '@/lib/admin/audit-labels';
import { requireRole } from '@/lib/auth/dal';
import { parseListParams } from '@/lib/lists/params';

export async function generateMetadata() {
  const t = await getTranslations('adminAudit');
  return { title: t('heading') };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const params = parseListParams(await searchParams, auditListSpec);
  const db = await getDb();
  const [{ rows, total }, actions] = await Promise.all([listAudit(db, user, params), getAuditActions(db)]);
  const t = await getTranslations('adminAudit');
  const actionLabel = (a: string) => (t.has(`actions.${auditActionKey(a)}`) ? `${t(`actions.${auditActionKey(a)}`)} (${a})` : a);
  return (
    <div className="space-y-3">
      <div>
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <DataTableToolbar
        exportPath="/api/v1/export/admin-audit"
        fields={[
          { kind: 'search', name: 'user', label: t('user'), placeholder: t('userPlaceholder') },
          { kind: 'select', name: 'action', label: t('action'), options: actions.map((a) => ({ value: a, label: actionLabel(a) })) },
          { kind: 'date', name: 'from', label: t('from') },
          { kind: 'date', name: 'to', label: t('to') },
          { kind: 'select', name: 'result', label: t('result'), options: [{ value: 'success', label: t('success') }, { value: 'failure', label: t('failure') }] },
          { kind: 'search', name: 'q', label: t('searchLabel'), placeholder: t('search') },
        ]}
      />
      <AuditTable data={rows} total={total} page={params.page} size={params.size} sort={params.sort} />
    </div>
  );
}
