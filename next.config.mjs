import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // benchmark scripts build into a directory of their own (.data/next-bench) so that they never
  // share `.next` with an end-to-end run
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships wasm and data files; bundling it makes Turbopack copy them into static output.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'exceljs'],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    // Next's inline bootstrap scripts need 'unsafe-inline' without per-request nonces; everything
    // else is same-origin only, and no page may be framed.
    const csp = [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "worker-src 'self'",
      "manifest-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join('; ');
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(self)' },
        ],
      },
      // the service worker must be fetched fresh so a new build replaces the old one
      { source: '/sw.js', headers: [{ key: 'Cache-Control', value: 'no-cache' }] },
    ];
  },
};

export default withNextIntl(nextConfig);
