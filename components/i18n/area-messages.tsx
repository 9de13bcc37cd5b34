import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { CLIENT_AREAS, CLIENT_BASE, pickMessages, type ClientArea } from '@/i18n/client-messages';

/** The messages an area's client components use, on top of the ones every page has. */
export async function AreaMessages({ area, children }: { area: ClientArea; children: React.ReactNode }) {
  const all = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(all, [...CLIENT_BASE, ...CLIENT_AREAS[area]])}>{children}</NextIntlClientProvider>;
}
