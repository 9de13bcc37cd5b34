import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIES } from '@/lib/auth/session';

// Optimistic: only sends visitors without a session cookie to sign-in. Every page and handler
// still checks the session itself (lib/auth/dal.ts); see Next's authentication guide.
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = '';
  return NextResponse.redirect(url);
}

export const config = {
  // everything except sign-in, next-auth's own routes, health, static files and the service worker;
  // and file uploads: a matched request's body is buffered for the proxy and cut at 10 MB
  // (proxyClientMaxBodySize), while the upload handler checks the session itself
  matcher: ['/((?!login|api/auth|api/health|api/v1/imports|_next/static|_next/image|favicon.ico|sw.js|manifest.webmanifest|icons/).*)'],
};
