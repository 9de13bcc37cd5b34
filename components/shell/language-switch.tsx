'use client';

import { useTranslations } from 'next-intl';
import { useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';

// The locale is a cookie read by i18n/request.ts; switching needs no server write.
export function LanguageSwitch() {
  const t = useTranslations('app');
  const locale = useLocale();
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => {
        document.cookie = `locale=${locale === 'en' ? 'zh-CN' : 'en'}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      {t('language')}
    </Button>
  );
}
