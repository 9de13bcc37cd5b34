import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { CLIENT_BASE, pickMessages } from '@/i18n/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: `Rounds · ${t('title')}`, template: `%s · Rounds` }, description: t('title') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#2b4c9a' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh antialiased">
        <NextIntlClientProvider messages={pickMessages(messages, CLIENT_BASE)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
