// Brute force at the library level (lib/auth/sign-in.ts, lib/client-ip.ts), beyond the limits in
// sign-in.test.ts: the right password after the limit, a spray across usernames, rotating
// addresses, guesses sent in parallel, and which X-Forwarded-For hop counts behind a proxy.
// npm run bench:bruteforce runs the same attacks over HTTP against the production server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { authenticate } from '@/lib/auth/sign-in';
import { clientIp } from '@/lib/client-ip';
import { createTestDb } from './helpers/db';
import { makeOrg } from './helpers/org';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: Awaited<ReturnType<typeof makeOrg>>;
const MAX_PER_USER = 5;
const MAX_PER_ADDRESS = 20;

beforeAll(async () => {
  t = await createTestDb();
  org = await makeOrg(t.db);
});
afterAll(() => t.cleanup());

const reasons = async (where: ReturnType<typeof and>) => {
  const rows = await t.db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.action, 'sign_in'), where));
  const out: Record<string, number> = {};
  for (const r of rows) {
    const reason = (r.detail as { reason: string }).reason;
    out[reason] = (out[reason] ?? 0) + 1;
  }
  return out;
};

describe('brute force against sign-in', () => {
  it('many passwords against one username: after 5 wrong ones even the right password is refused, and no more passwords are checked', async () => {
    const results = [];
    for (let i = 1; i <= 30; i++) {
      const password = i === 6 || i === 15 || i === 30 ? org.password : `guess-${i}`;
      results.push((await authenticate(t.db, { username: 'sup1', password, ip: '10.20.0.1' })).ok);
    }
    expect(results.filter(Boolean)).toHaveLength(0);
    expect(await reasons(eq(auditLog.username, 'sup1'))).toEqual({ wrong_password: MAX_PER_USER, rate_limited: 30 - MAX_PER_USER });
  });

  it('one password across many usernames from one address: refused after 20 failures, real accounts included', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `user${i}`);
    names[25] = 'mgr1'; // real accounts with that very password, after the address limit
    names[35] = 'admin';
    const ok = [];
    for (const username of names) ok.push((await authenticate(t.db, { username, password: org.password, ip: '10.20.0.2' })).ok);
    expect(ok.filter(Boolean)).toHaveLength(0);
    expect(await reasons(eq(auditLog.ip, '10.20.0.2'))).toEqual({ unknown_user: MAX_PER_ADDRESS, rate_limited: 40 - MAX_PER_ADDRESS });
  });

  it('rotating the address does not reset the per-username limit', async () => {
    const ok = [];
    for (let i = 0; i < 25; i++) {
      const password = i >= 10 ? org.password : `guess-${i}`;
      ok.push((await authenticate(t.db, { username: 'mgr2', password, ip: `10.30.${i}.${i}` })).ok);
    }
    expect(ok.filter(Boolean)).toHaveLength(0);
    expect(await reasons(eq(auditLog.username, 'mgr2'))).toEqual({ wrong_password: MAX_PER_USER, rate_limited: 25 - MAX_PER_USER });
  });

  it('a spray from rotating addresses gets one guess per account per address: each account still at most 5 checks', async () => {
    // with a new address every time the per-address limit never fires; the per-username limit is
    // what bounds the guesses, so every account gets at most MAX_PER_USER checks per window
    for (let round = 0; round < 8; round++) {
      for (let u = 0; u < 5; u++) {
        await authenticate(t.db, { username: `spray${u}`, password: `round-${round}`, ip: `10.40.${round}.${u}` });
      }
    }
    for (let u = 0; u < 5; u++) {
      expect(await reasons(eq(auditLog.username, `spray${u}`))).toEqual({ unknown_user: MAX_PER_USER, rate_limited: 8 - MAX_PER_USER });
    }
  });

  it('guesses sent in parallel get no more password checks than sequential ones', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate(t.db, { username: 'bh1', password: i === 29 ? org.password : `parallel-${i}`, ip: `10.50.0.${i}` })),
    );
    const checked = await reasons(eq(auditLog.username, 'bh1'));
    console.log(`[brute force] 30 parallel guesses against one username: ${JSON.stringify(checked)}; accepted ${results.filter((r) => r.ok).length}`);
    expect((checked.wrong_password ?? 0) + results.filter((r) => r.ok).length).toBeLessThanOrEqual(MAX_PER_USER);
  });

  it('after the window, the right password works again', async () => {
    const later = new Date(Date.now() + 16 * 60_000);
    // 16 minutes after sup1's last failure, the right password works again
    expect((await authenticate(t.db, { username: 'sup1', password: org.password, ip: '10.20.0.9', now: later })).ok).toBe(true);
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.username, 'sup1'), eq(auditLog.success, true)));
    expect(n).toBe(1);
  });
});

describe('the address behind a proxy', () => {
  const saved = process.env.TRUST_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  });

  it('without TRUST_PROXY, a client-sent hop never becomes the address (server.mjs also drops the header)', () => {
    delete process.env.TRUST_PROXY;
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4, 127.0.0.1' }))).toBe('127.0.0.1');
  });

  it('with TRUST_PROXY=1, the address is the hop our proxy appended, not one the client wrote before it', () => {
    process.env.TRUST_PROXY = '1';
    // nginx's $proxy_add_x_forwarded_for appends the client's address to what the client sent
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': ['198.51.100.2'] })).toBe('198.51.100.2');
  });
});
