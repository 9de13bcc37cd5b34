import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships wasm and data files; bundling it makes Turbopack copy them into static output.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'exceljs'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
