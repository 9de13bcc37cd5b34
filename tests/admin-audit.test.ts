import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { auditListSpec, listAudit } from '@/db/queries/admin-audit';
import { parseListParams } from '@/lib/lists/params';
import { createTestDb } from './helpers/db';
import { makeOrg } from './helpers/org';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  t = await createTestDb();
  org = await makeOrg(t.db);
  await t.db.insert(auditLog).values([
    { at: new Date('2026-11-20T23:30:00+08:00'), username: 'admin', userId: org.users.admin.id, action: 'user.create', entity: 'user', entityId: '7', ip: '10.0.0.1' },
    { at: new Date('2026-11-21T00:10:00+08:00'), username: 'mgr1', action: 'sign_in', success: false, ip: '10.0.0.2' },
    { at: new Date('2026-11-21T09:00:00+08:00'), username: 'mgr1', action: 'sign_in', success: true, ip: '10.0.0.2' },
    { at: new Date('2026-11-22T08:00:00+08:00'), username: 'admin', action: 'settings.update', entity: 'settings', entityId: 'security', ip: '10.0.0.1' },
  ]);
});
afterAll(() => t.cleanup());

const list = (query: string) => listAudit(t.db, org.asCurrent('admin'), parseListParams(new URLSearchParams(query), auditListSpec));

describe('the audit log viewer', () => {
  it('lists newest first with a total', async () => {
    const r = await list('');
    expect(r.total).toBe(4);
    expect(r.rows.map((x) => x.action)).toEqual(['settings.update', 'sign_in', 'sign_in', 'user.create']);
  });

  it('filters by user, action and result', async () => {
    expect((await list('user=MGR1')).total).toBe(2);
    expect((await list('user=mgr')).total).toBe(0); // a username, not a fragment
    expect((await list('action=sign_in&result=failure')).rows.map((x) => x.at.toISOString())).toEqual([new Date('2026-11-21T00:10:00+08:00').toISOString()]);
  });

  it('reads the date range as calendar days in the company time zone', async () => {
    // 23:30 on the 20th Beijing time is 15:30 UTC: it belongs to the 20th, not the 21st
    expect((await list('from=2026-11-21&to=2026-11-21')).rows.map((x) => x.action)).toEqual(['sign_in', 'sign_in']);
    expect((await list('to=2026-11-20')).rows.map((x) => x.action)).toEqual(['user.create']);
    expect((await list('from=2026-11-22')).total).toBe(1);
  });

  it('pages', async () => {
    const p = parseListParams(new URLSearchParams(''), auditListSpec);
    const r = await listAudit(t.db, org.asCurrent('admin'), p, { limit: 2, offset: 2 });
    expect(r.rows.map((x) => x.action)).toEqual(['sign_in', 'user.create']);
  });
});
