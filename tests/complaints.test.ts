import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { complaintEvents, complaints } from '@/db/schema';
import { runAction } from '@/lib/action';
import { runEscalation } from '@/lib/complaints/escalation';
import { complaintIntakeSpec } from '@/lib/complaints/intake';
import { complaintStepSpec } from '@/lib/complaints/workflow';
import { zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, '2026-11-26');
});
afterAll(() => t.cleanup());

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const as = (username: string) => ({ user: w.asCurrent(username), headers: headers(), db: t.db, ip: '127.0.0.1' });

async function register(at: string) {
  process.env.ROUNDS_NOW = at;
  const r = await runAction(complaintIntakeSpec, as('mgr1'), {
    clientId: randomUUID(),
    retailerId: w.shops[0].id,
    source: 'hotline',
    category: 'delivery',
    description: '送货员态度差，货物破损',
  });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.ok ? r.data.id : -1;
}

const timeline = (id: number) =>
  t.db
    .select({ kind: complaintEvents.kind, actorId: complaintEvents.actorId, level: complaintEvents.escalationLevel, satisfied: complaintEvents.satisfied })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.id));

describe('the escalation job, with a controlled clock and no page opened', () => {
  it('escalates an overdue complaint exactly once per level and records it on the timeline', async () => {
    // Thursday 10:00: acknowledge by Friday 10:00, resolve by the next Thursday 10:00 (5 working days)
    const id = await register(zonedTime('2026-11-26', '10:00').toISOString());
    expect(await runEscalation(t.db, zonedTime('2026-11-27', '09:00'))).toEqual([]);
    // past the acknowledge deadline; two runs at once make one escalation
    const [a, b] = await Promise.all([runEscalation(t.db, zonedTime('2026-11-27', '11:00')), runEscalation(t.db, zonedTime('2026-11-27', '11:00'))]);
    expect([...a, ...b]).toEqual([{ complaintId: id, level: 1 }]);
    expect(await runEscalation(t.db, zonedTime('2026-11-30', '11:00'))).toEqual([]);
    // resolve deadline (Thu 12-03) passed by two working days (Mon 12-07 after 10:00)
    expect(await runEscalation(t.db, zonedTime('2026-12-07', '09:00'))).toEqual([]);
    expect(await runEscalation(t.db, zonedTime('2026-12-07', '11:00'))).toEqual([{ complaintId: id, level: 2 }]);
    expect(await runEscalation(t.db, zonedTime('2026-12-08', '11:00'))).toEqual([]);
    const events = await timeline(id);
    expect(events.map((e) => [e.kind, e.actorId, e.level])).toEqual([
      ['received', w.users.mgr1.id, null],
      ['escalated', null, 1],
      ['escalated', null, 2],
    ]);
    const [c] = await t.db.select({ level: complaints.escalationLevel }).from(complaints).where(eq(complaints.id, id));
    expect(c.level).toBe(2);
  });
});

describe('handling a complaint to closure', () => {
  it('assign, investigate, resolve, reply, an unsatisfied follow-up reopens it, then closed', async () => {
    const id = await register(zonedTime('2026-11-26', '10:00').toISOString());
    const step = (who: string, input: Record<string, unknown>) => runAction(complaintStepSpec, as(who), { complaintId: id, ...input });
    // a manager of another team: the complaint does not exist for them
    expect(await step('mgr2', { step: 'note', note: '看看' })).toMatchObject({ ok: false, status: 404 });
    // a manager cannot assign; the assignee must be in the team
    expect(await step('mgr1', { step: 'assign', assigneeId: w.users.mgr1.id })).toMatchObject({ ok: false, status: 403 });
    expect(await step('sup1', { step: 'assign', assigneeId: w.users.mgr2.id })).toMatchObject({ ok: false, status: 404 });
    expect(await step('sup1', { step: 'assign' })).toMatchObject({ ok: false, status: 400, fieldErrors: { assigneeId: ['请选择处理人'] } });
    expect(await step('sup1', { step: 'assign', assigneeId: w.users.mgr1.id })).toMatchObject({ ok: true, data: { status: 'assigned' } });
    expect(await step('mgr1', { step: 'resolve', note: '已处理' })).toMatchObject({ ok: false, status: 403 }); // not investigating yet
    expect(await step('mgr1', { step: 'investigate' })).toMatchObject({ ok: true, data: { status: 'investigating' } });
    expect(await step('mgr1', { step: 'resolve' })).toMatchObject({ ok: false, status: 400, fieldErrors: { note: ['请填写处理结果'] } });
    expect(await step('mgr1', { step: 'resolve', note: '已联系配送中心更换破损商品' })).toMatchObject({ ok: true, data: { status: 'resolved' } });
    expect(await step('mgr1', { step: 'reply', note: '已电话告知店主处理结果' })).toMatchObject({ ok: true, data: { status: 'replied' } });
    expect(await step('sup1', { step: 'follow_up', satisfied: false, note: '店主仍不满意' })).toMatchObject({ ok: true, data: { status: 'investigating' } });
    expect(await step('mgr1', { step: 'resolve', note: '配送员当面致歉' })).toMatchObject({ ok: true, data: { status: 'resolved' } });
    expect(await step('mgr1', { step: 'reply', note: '再次回复' })).toMatchObject({ ok: true, data: { status: 'replied' } });
    expect(await step('sup1', { step: 'follow_up', satisfied: true })).toMatchObject({ ok: true, data: { status: 'closed' } });
    expect(await step('mgr1', { step: 'investigate' })).toMatchObject({ ok: false, status: 403 });
    expect((await timeline(id)).map((e) => e.kind)).toEqual([
      'received',
      'assigned',
      'investigating',
      'resolved',
      'replied',
      'follow_up',
      'reopened',
      'resolved',
      'replied',
      'follow_up',
    ]);
    const [c] = await t.db.select().from(complaints).where(eq(complaints.id, id));
    expect(c).toMatchObject({ status: 'closed', satisfied: true, assigneeId: w.users.mgr1.id });
    expect(c.closedAt).not.toBeNull();
  });
});
