import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DisableUserButton, EditUserForm, ResetPasswordForm } from '@/components/admin/user-forms';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getAdminUser, getOrgOptions } from '@/db/queries/admin-users';
import { requireRole } from '@/lib/auth/dal';
import { formatDateTime } from '@/lib/format';

export async function generateMetadata() {
  const t = await getTranslations('adminUsers');
  return { title: t('edit') };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireRole('admin');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  const db = await getDb();
  const [user, org] = await Promise.all([getAdminUser(db, id), getOrgOptions(db)]);
  if (!user) notFound();
  const t = await getTranslations('adminUsers');
  return (
    <div className="max-w-3xl space-y-3">
      <Toaster />
      <Link href="/admin/users" className="text-sm text-primary hover:underline">
        {t('back')}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">
          {user.name} <span className="text-muted-foreground">({user.username})</span>
        </h1>
        {user.disabled ? <Badge variant="destructive">{t('statuses.disabled')}</Badge> : <Badge variant="success">{t('statuses.active')}</Badge>}
      </div>
      <p className="text-sm text-muted-foreground">
        {t('createdAt')} {formatDateTime(user.createdAt)} · {t('updatedAt')} {formatDateTime(user.updatedAt)}
      </p>
      <Card>
        <CardHeader>
          <CardTitle>{t('edit')}</CardTitle>
        </CardHeader>
        <CardContent>
          <EditUserForm org={org} user={user} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('resetPassword')}</CardTitle>
        </CardHeader>
        <CardContent>
          <ResetPasswordForm id={user.id} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{user.disabled ? t('enable') : t('disable')}</CardTitle>
        </CardHeader>
        <CardContent>
          <DisableUserButton id={user.id} disabled={user.disabled} self={user.id === me.userId} />
        </CardContent>
      </Card>
    </div>
  );
}
