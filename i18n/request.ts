import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { messagesFor } from './messages';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get('locale')?.value;
  const locale: Locale = wanted === 'en' ? 'en' : defaultLocale;
  return {
    locale,
    timeZone: 'Asia/Shanghai',
    messages: await messagesFor(locale),
  };
});
