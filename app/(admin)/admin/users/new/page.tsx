import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/admin/user-forms';
import { Card, CardContent } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getOrgOptions } from '@/db/queries/admin-users';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('adminUsers');
  return { title: t('new') };
}

export default async function NewUserPage() {
  await requireRole('admin');
  const org = await getOrgOptions(await getDb());
  const t = await getTranslations('adminUsers');
  return (
    <div className="max-w-3xl space-y-3">
      <Toaster />
      <Link href="/admin/users" className="text-sm text-primary hover:underline">
        {t('back')}
      </Link>
      <h1 className="text-xl font-semibold">{t('new')}</h1>
      <Card>
        <CardContent className="pt-4">
          <CreateUserForm org={org} />
        </CardContent>
      </Card>
    </div>
  );
}
