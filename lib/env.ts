import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  TRUST_PROXY: z.enum(['0', '1']).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export const env = envSchema.parse(process.env);

// next-auth refuses to run in production without a secret; development gets a fixed one so that
// `next dev` works out of the box. `npm run demo` writes a random one to .data/auth-secret.
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('NEXTAUTH_SECRET is not set. Set it to a long random string (openssl rand -base64 32).');
  }
  return 'rounds-development-secret-not-for-production';
}
