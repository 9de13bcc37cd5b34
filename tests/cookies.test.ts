import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import { authOptions } from '@/lib/auth/options';

// next-auth's cookie defaults are not among its package exports: load the file itself
const { defaultCookies } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/lib/cookie.js')) as {
  defaultCookies: (secure: boolean) => { sessionToken: { name: string; options: Record<string, unknown> } };
};

describe('the session cookie', () => {
  it('is Secure (and __Secure- prefixed) when the site is served over HTTPS, HttpOnly and SameSite=Lax always', () => {
    // next-auth decides by NEXTAUTH_URL's scheme unless the options force it; ours must not force it off
    expect(authOptions.useSecureCookies).toBeUndefined();
    const https = defaultCookies(true).sessionToken;
    expect(https.name).toBe('__Secure-next-auth.session-token');
    expect(https.options).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
    const http = defaultCookies(false).sessionToken;
    expect(http.options).toMatchObject({ secure: false, httpOnly: true, sameSite: 'lax' });
  });
});
