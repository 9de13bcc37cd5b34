'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

// next-auth's sign-out endpoint wants a POST with its CSRF token; doing it by hand keeps
// next-auth's client library (12 KB) out of every page's JavaScript.
export function SignOutButton() {
  const t = useTranslations('app');
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={async () => {
        const { csrfToken } = (await fetch('/api/auth/csrf').then((r) => r.json())) as { csrfToken: string };
        await fetch('/api/auth/signout', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ csrfToken, callbackUrl: '/login', json: 'true' }),
        });
        window.location.assign('/login');
      }}
    >
      {t('signOut')}
    </Button>
  );
}
