import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminUserTable } from '@/components/admin/user-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/index';
import { adminUserListSpec, getOrgOptions, listAdminUsers } from '@/db/queries/admin-users';
import { roleEnum } from '@/db/schema';
import { requireRole } from '@/lib/auth/dal';
import { parseListParams } from '@/lib/lists/params';

export async function generateMetadata() {
  const t = await getTranslations('adminUsers');
  return { title: t('heading') };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const params = parseListParams(await searchParams, adminUserListSpec);
  const db = await getDb();
  const [{ rows, total }, org] = await Promise.all([listAdminUsers(db, user, params), getOrgOptions(db)]);
  const t = await getTranslations();
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t('adminUsers.heading')}</h1>
        <Button asChild>
          <Link href="/admin/users/new">{t('adminUsers.new')}</Link>
        </Button>
      </div>
      <DataTableToolbar
        exportPath="/api/v1/export/admin-users"
        fields={[
          { kind: 'search', name: 'q', label: t('adminUsers.searchLabel'), placeholder: t('adminUsers.search') },
          { kind: 'select', name: 'role', label: t('adminUsers.role'), options: roleEnum.enumValues.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
          { kind: 'select', name: 'branch', label: t('adminUsers.branch'), options: org.branches.map((b) => ({ value: String(b.id), label: b.name })) },
          { kind: 'select', name: 'team', label: t('adminUsers.team'), options: org.teams.map((tm) => ({ value: String(tm.id), label: `${tm.branchName} / ${tm.name}` })) },
          { kind: 'select', name: 'status', label: t('adminUsers.status'), options: (['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`adminUsers.statuses.${s}`) })) },
        ]}
      />
      <AdminUserTable data={rows} total={total} page={params.page} size={params.size} sort={params.sort} />
    </div>
  );
}
