import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Role } from '@/db/schema';
import { getDb } from '@/db/index';
import { authSecret } from '@/lib/env';
import { clientIp } from '@/lib/client-ip';
import { now } from '@/lib/clock';
import { authenticate } from './sign-in';
import { SESSION_COOKIE_MAX_DAYS } from './session';
import { endSession, SESSION_ID, startSession } from './session-store';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name: string; role: Role; tv: number; sid: string };
  }
  interface User {
    id: string;
    name: string;
    role: Role;
    tv: number;
    sid: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid: number;
    role: Role;
    tv: number;
    sid: string;
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // the cookie's own lifetime is only a ceiling: idle and absolute limits are settings, checked on
  // every request against user_sessions (lib/auth/dal.ts)
  session: { strategy: 'jwt', maxAge: SESSION_COOKIE_MAX_DAYS * 86_400 },
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
        const sid = await startSession(db, u.id, now());
        return { id: String(u.id), name: u.name, role: u.role, tv: u.tokenVersion, sid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.tv = user.tv;
        token.sid = user.sid;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.name ?? '', role: token.role, tv: token.tv, sid: token.sid };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string' && SESSION_ID.test(token.sid)) await endSession(await getDb(), token.sid, now());
    },
  },
};
