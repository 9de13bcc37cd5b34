import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/dal';
import { roleHome } from '@/lib/auth/permissions';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { LoginForm } from './login-form';

export async function generateMetadata() {
  const t = await getTranslations('login');
  return { title: t('heading') };
}

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(roleHome[user.role]);
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 p-6">
      <div className="flex justify-end">
        <LanguageSwitch />
      </div>
      <div className="space-y-1 text-center">
        <p className="text-3xl font-bold tracking-tight text-primary">Rounds</p>
        <h1 className="text-lg font-semibold">{t('login.heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('login.subtitle')}</p>
      </div>
      <LoginForm />
    </main>
  );
}
