import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/dal';
import { navFor } from '@/lib/auth/permissions';
import { LanguageSwitch } from './language-switch';
import { MoreMenu } from './more-menu';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export async function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const t = await getTranslations();
  // a key with a dot names its own catalog namespace (e.g. 'reports.nav'); a bare key lives in `nav`
  const nav = navFor(user.role).map((item) => ({ href: item.href, label: t(item.key.includes('.') ? item.key : `nav.${item.key}`), bottom: 'bottom' in item && item.bottom }));
  const items = nav.map(({ href, label }) => ({ href, label }));
  const bottom = nav.filter((i) => i.bottom).map(({ href, label }) => ({ href, label }));
  const more = nav.filter((i) => !i.bottom).map(({ href, label }) => ({ href, label }));
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
          <nav aria-label="main" className="hidden min-w-0 gap-1 overflow-x-auto md:flex">
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
          <NavLinks items={bottom} variant="bottom" />
          {more.length > 0 && <MoreMenu label={t('shell.more')} items={more} />}
        </div>
      </nav>
    </div>
  );
}
