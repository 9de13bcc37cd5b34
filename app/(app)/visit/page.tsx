import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { VisitForm } from '@/components/visit-form/visit-form';
import { getDb } from '@/db/index';
import { getRetailerInScope } from '@/db/queries/visits';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('visit');
  return { title: t('title') };
}

// One page for every shop: the form reads the shop from the address bar and its data from the
// device, so the service worker can keep this page for offline use. Online, a shop outside the
// manager's scope answers 404 here.
export default async function VisitPage({ searchParams }: { searchParams: Promise<{ r?: string }> }) {
  const user = await requireRole('manager');
  const { r } = await searchParams;
  if (r !== undefined) {
    const id = Number(r);
    if (!Number.isSafeInteger(id) || id <= 0) notFound();
    const shop = await getRetailerInScope(await getDb(), user, id);
    if (!shop) notFound();
  }
  return (
    <div className="mx-auto max-w-xl">
      <VisitForm />
    </div>
  );
}
