'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

type Errors = { username?: string; password?: string; form?: string };

export function LoginForm() {
  const t = useTranslations('login');
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const next: Errors = {};
    if (!username) next.username = t('usernameRequired');
    if (!password) next.password = t('passwordRequired');
    setErrors(next);
    if (next.username || next.password) return;
    if (!navigator.onLine) return setErrors({ form: t('offline') });
    setPending(true);
    try {
      const res = await signIn('credentials', { username, password, redirect: false });
      if (res?.ok && !res.error) {
        // '/' sends each role to its own home
        window.location.assign('/');
        return;
      }
      setErrors({ form: res?.error === 'rate_limited' ? t('rateLimited') : res?.error ? t('invalid') : t('failed') });
    } catch {
      setErrors({ form: t('failed') });
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby="login-error">
      <div className="space-y-2">
        <Label htmlFor="username">{t('username')}</Label>
        <Input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          aria-invalid={!!errors.username}
          aria-describedby={errors.username ? 'username-error' : undefined}
        />
        {errors.username && (
          <p id="username-error" className="text-sm text-destructive">
            {errors.username}
          </p>
        )}
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t('password')}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          aria-describedby={errors.password ? 'password-error' : undefined}
        />
        {errors.password && (
          <p id="password-error" className="text-sm text-destructive">
            {errors.password}
          </p>
        )}
      </div>
      <div id="login-error" aria-live="polite" className="min-h-5 text-sm text-destructive" role={errors.form ? 'alert' : undefined}>
        {errors.form}
      </div>
      <Button type="submit" className="w-full" size="lg" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
