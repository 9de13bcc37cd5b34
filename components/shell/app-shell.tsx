import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/dal';
import { navFor } from '@/lib/auth/permissions';
import { LanguageSwitch } from './language-switch';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export async function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const t = await getTranslations();
  // a key with a dot names its own catalog namespace (e.g. 'reports.nav'); a bare key lives in `nav`
  const items = navFor(user.role).map((item) => ({ href: item.href, label: t(item.key.includes('.') ? item.key : `nav.${item.key}`) }));
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('app.skipToContent')}
      </a>
      <header className="sticky top-0 z-10 border-b bg-card/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link href="/" className="font-bold text-primary">
            Rounds
          </Link>
          <nav aria-label="main" className="hidden gap-1 md:flex">
            <NavLinks items={items} />
          </nav>
          <div className="ml-auto flex items-center gap-1 text-sm">
            <span className="hidden text-muted-foreground sm:inline" data-testid="current-user">
              {user.name} · {t(`roles.${user.role}`)}
            </span>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 pb-24 md:pb-8">
        {children}
      </main>
      {/* phones: the few main places within thumb reach */}
      <nav aria-label="bottom" className="fixed inset-x-0 bottom-0 z-10 border-t bg-card md:hidden">
        <div className="mx-auto flex max-w-md justify-around">
          <NavLinks items={items} variant="bottom" />
        </div>
      </nav>
    </div>
  );
}
