import { getTranslations } from 'next-intl/server';
import { ImportPanel } from '@/components/admin/imports/import-panel';
import { requireRole } from '@/lib/auth/dal';
import { columnsOf, importKinds } from '@/lib/imports/index';

export async function generateMetadata() {
  const t = await getTranslations('imports');
  return { title: t('heading') };
}

export default async function ImportsPage() {
  await requireRole('admin');
  const t = await getTranslations('imports');
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <ImportPanel kinds={importKinds.map((kind) => ({ kind, columns: columnsOf(kind) }))} />
    </div>
  );
}
