import { getTranslations } from 'next-intl/server';
import { AdminNav } from '@/components/admin/admin-nav';
import { AreaMessages } from '@/components/i18n/area-messages';
import { adminSections } from '@/components/admin/sections';
import { requireRole } from '@/lib/auth/dal';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireRole('admin');
  const t = await getTranslations('adminNav');
  return (
    <AreaMessages area="admin">
      <div className="space-y-4">
        <AdminNav label={t('label')} items={adminSections.map((s) => ({ href: s.href, label: t(s.key) }))} />
        {children}
      </div>
    </AreaMessages>
  );
}
