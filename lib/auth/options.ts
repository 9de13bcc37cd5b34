import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Role } from '@/db/schema';
import { getDb } from '@/db/index';
import { authSecret } from '@/lib/env';
import { clientIp } from '@/lib/client-ip';
import { settingDefaults } from '@/lib/settings-defaults';
import { authenticate } from './sign-in';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name: string; role: Role; tv: number };
  }
  interface User {
    id: string;
    name: string;
    role: Role;
    tv: number;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid: number;
    role: Role;
    tv: number;
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: settingDefaults.sessionMaxAgeHours * 3600 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { username: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const username = String(credentials?.username ?? '');
        const password = String(credentials?.password ?? '');
        if (!username || !password) return null;
        const db = await getDb();
        const result = await authenticate(db, { username, password, ip: clientIp(req.headers ?? {}) });
        if (!result.ok) {
          // next-auth hands the message to the sign-in page as `error`
          if (result.error === 'rate_limited') throw new Error('rate_limited');
          return null;
        }
        const u = result.user;
        return { id: String(u.id), name: u.name, role: u.role, tv: u.tokenVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.tv = user.tv;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.name ?? '', role: token.role, tv: token.tv };
      return session;
    },
  },
};
