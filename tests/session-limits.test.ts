import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { userSessions } from '@/db/schema';
import { sessionExpiry } from '@/lib/auth/session';
import { endSession, startSession, touchSession } from '@/lib/auth/session-store';
import { getSettings } from '@/lib/settings';
import { settingDefaults } from '@/lib/settings-defaults';
import { createTestDb } from './helpers/db';
import { makeOrg } from './helpers/org';

const H = 3_600_000;
const D = 24 * H;
const signIn = new Date('2026-11-23T08:00:00+08:00');
const limits = { sessionIdleHours: 8, sessionAbsoluteDays: 7 };
const at = (ms: number) => new Date(signIn.getTime() + ms);

describe('session limits (idle and absolute)', () => {
  it('the defaults are 8 idle hours and 7 days', () => {
    expect(settingDefaults.sessionIdleHours).toBe(8);
    expect(settingDefaults.sessionAbsoluteDays).toBe(7);
  });

  it('a session used within the idle limit holds', () => {
    const s = { signedInAt: signIn, lastSeenAt: at(3 * H), endedAt: null };
    expect(sessionExpiry(s, at(3 * H + 7 * H + 59 * 60_000), limits)).toBeNull();
  });

  it('no request for the idle limit ends it, to the minute', () => {
    const s = { signedInAt: signIn, lastSeenAt: at(3 * H), endedAt: null };
    expect(sessionExpiry(s, at(3 * H + 8 * H - 1), limits)).toBeNull();
    expect(sessionExpiry(s, at(3 * H + 8 * H), limits)).toBe('idle');
  });

  it('a busy session still ends at the absolute limit', () => {
    const justUsed = (ms: number) => ({ signedInAt: signIn, lastSeenAt: at(ms - 60_000), endedAt: null });
    expect(sessionExpiry(justUsed(7 * D - 1), at(7 * D - 1), limits)).toBeNull();
    expect(sessionExpiry(justUsed(7 * D), at(7 * D), limits)).toBe('absolute');
  });

  it('follows the settings, not fixed numbers', () => {
    const s = { signedInAt: signIn, lastSeenAt: at(0), endedAt: null };
    expect(sessionExpiry(s, at(2 * H), { sessionIdleHours: 1, sessionAbsoluteDays: 7 })).toBe('idle');
    expect(sessionExpiry(s, at(2 * H), { sessionIdleHours: 8, sessionAbsoluteDays: 7 })).toBeNull();
    expect(sessionExpiry({ ...s, lastSeenAt: at(D + 23 * H) }, at(2 * D), { sessionIdleHours: 8, sessionAbsoluteDays: 2 })).toBe('absolute');
  });

  it('a signed-out session is over at once', () => {
    expect(sessionExpiry({ signedInAt: signIn, lastSeenAt: at(0), endedAt: at(H) }, at(H + 1), limits)).toBe('ended');
  });
});

describe('the session store', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let org: Awaited<ReturnType<typeof makeOrg>>;
  beforeAll(async () => {
    t = await createTestDb();
    org = await makeOrg(t.db);
  });
  afterAll(() => t.cleanup());

  const read = async (id: string) => (await t.db.select().from(userSessions).where(eq(userSessions.id, id)))[0];

  it('a request keeps the session alive; a later gap longer than the idle limit ends it', async () => {
    const id = await startSession(t.db, org.users.mgr1.id, signIn);
    const s = await getSettings(t.db);
    await touchSession(t.db, id, at(7 * H));
    expect(sessionExpiry(await read(id), at(14 * H), s)).toBeNull(); // 7 h after the last request
    expect(sessionExpiry(await read(id), at(15 * H), s)).toBe('idle');
  });

  it('sign-out ends only that session', async () => {
    const a = await startSession(t.db, org.users.mgr1.id, signIn);
    const b = await startSession(t.db, org.users.mgr1.id, signIn);
    await endSession(t.db, a, at(H));
    expect(sessionExpiry(await read(a), at(H), limits)).toBe('ended');
    expect(sessionExpiry(await read(b), at(H), limits)).toBeNull();
  });
});
