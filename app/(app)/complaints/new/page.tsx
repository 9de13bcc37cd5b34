import { Toaster } from '@/components/ui/toaster';
import { asc, eq } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { ComplaintForm } from '@/components/complaints/complaint-form';
import { getDb } from '@/db/index';
import { getComplaintCategories } from '@/db/queries/visits';
import { retailers } from '@/db/schema';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('complaints');
  return { title: t('new') };
}

export default async function NewComplaintPage({ searchParams }: { searchParams: Promise<{ r?: string }> }) {
  const user = await requireRole('manager');
  const db = await getDb();
  const [shops, categories] = await Promise.all([
    db
      .select({ id: retailers.id, name: retailers.name })
      .from(retailers)
      .where(eq(retailers.managerId, user.userId))
      .orderBy(asc(retailers.routeId), asc(retailers.routeSeq)),
    getComplaintCategories(db),
  ]);
  const r = Number((await searchParams).r);
  const t = await getTranslations('complaints');
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Toaster />
      <h1 className="text-xl font-semibold">{t('form.heading')}</h1>
      <ComplaintForm
        shops={shops.map((s) => ({ value: String(s.id), label: s.name }))}
        categories={categories.map((c) => ({ value: c.code, label: c.nameZh }))}
        defaultShop={shops.some((s) => s.id === r) ? r : undefined}
      />
    </div>
  );
}
