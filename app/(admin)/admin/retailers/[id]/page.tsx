import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RetailerEditForm } from '@/components/admin/retailer-admin';
import { Card, CardContent } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getAdminRetailer, getAssignmentOptions } from '@/db/queries/admin-retailers';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('adminRetailers');
  return { title: t('edit') };
}

export default async function AdminRetailerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole('admin');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  const db = await getDb();
  const [shop, options] = await Promise.all([getAdminRetailer(db, id), getAssignmentOptions(db)]);
  if (!shop) notFound();
  const t = await getTranslations('adminRetailers');
  return (
    <div className="max-w-3xl space-y-3">
      <Toaster />
      <Link href="/admin/retailers" className="text-sm text-primary hover:underline">
        {t('back')}
      </Link>
      <h1 className="text-xl font-semibold">
        {shop.name} <span className="font-mono text-sm text-muted-foreground">{shop.licenceNo}</span>
      </h1>
      <p className="text-sm text-muted-foreground">{t('historyNote')}</p>
      <Card>
        <CardContent className="pt-4">
          <RetailerEditForm shop={shop} options={options} />
        </CardContent>
      </Card>
    </div>
  );
}
