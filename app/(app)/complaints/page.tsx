import { Toaster } from '@/components/ui/toaster';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ComplaintTable } from '@/components/complaints/complaint-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/index';
import { complaintListSpec, listComplaints } from '@/db/queries/complaint-list';
import { getComplaintCategories } from '@/db/queries/visits';
import { complaintStatusEnum } from '@/db/schema';
import { requireRole } from '@/lib/auth/dal';
import { now } from '@/lib/clock';
import { deadlineState } from '@/lib/complaints/deadlines';
import { parseListParams } from '@/lib/lists/params';

export async function generateMetadata() {
  const t = await getTranslations('complaints');
  return { title: t('heading') };
}

export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const params = parseListParams(await searchParams, complaintListSpec);
  const db = await getDb();
  const [{ rows, total }, categories] = await Promise.all([listComplaints(db, user, params), getComplaintCategories(db)]);
  const t = await getTranslations();
  const at = now();
  return (
    <div className="space-y-3">
      <Toaster />
      <div className="flex items-center gap-2">
        <h1 className="text-xl font-semibold">{t('complaints.heading')}</h1>
        {user.role === 'manager' && (
          <Button asChild className="ml-auto">
            <Link href="/complaints/new">{t('complaints.new')}</Link>
          </Button>
        )}
      </div>
      <DataTableToolbar
        exportPath="/api/v1/export/complaints"
        fields={[
          { kind: 'search', name: 'q', label: t('complaints.searchLabel'), placeholder: t('complaints.search') },
          { kind: 'select', name: 'status', label: t('complaints.status'), options: complaintStatusEnum.enumValues.map((s) => ({ value: s, label: t(`complaintStatus.${s}`) })) },
          { kind: 'select', name: 'category', label: t('complaints.category'), options: categories.map((c) => ({ value: c.code, label: c.nameZh })) },
          { kind: 'select', name: 'source', label: t('complaints.source'), options: ['visit', 'hotline', 'walk_in', 'opinion_book'].map((s) => ({ value: s, label: t(`complaints.sources.${s}`) })) },
        ]}
      />
      <ComplaintTable
        data={rows.map((r) => {
          const state = deadlineState(r, at);
          return { ...r, overdue: state === 'overdue', dueSoon: state === 'due_soon' };
        })}
        total={total}
        page={params.page}
        size={params.size}
        sort={params.sort}
      />
    </div>
  );
}
