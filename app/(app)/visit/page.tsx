import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { VisitForm, type ShopHeader } from '@/components/visit-form/visit-form';
import { getDb } from '@/db/index';
import { getRetailerInScope } from '@/db/queries/visits';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('visit');
  return { title: t('title') };
}

// One form for every shop: it reads the shop from the address bar and its data from the device,
// so the service worker can keep the page for offline use (a shop's own page, or the bare /visit
// shell). Online, the shop's header comes with the HTML, and a shop outside the scope answers 404.
export default async function VisitPage({ searchParams }: { searchParams: Promise<{ r?: string }> }) {
  const user = await requireRole('manager');
  const { r } = await searchParams;
  let initialShop: ShopHeader | undefined;
  if (r !== undefined) {
    const id = Number(r);
    if (!Number.isSafeInteger(id) || id <= 0) notFound();
    const shop = await getRetailerInScope(await getDb(), user, id);
    if (!shop) notFound();
    initialShop = { id: shop.id, name: shop.name, routeName: shop.routeName, grade: shop.grade, address: shop.address };
  }
  return (
    <div className="mx-auto max-w-xl">
      <VisitForm initialShop={initialShop} />
    </div>
  );
}
