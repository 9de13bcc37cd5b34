import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, branches } from '@/db/schema';
import { FieldError, NotFoundError, runAction, type ActionSpec } from '@/lib/action';
import { createTestDb } from './helpers/db';
import { makeOrg } from './helpers/org';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestDb();
  org = await makeOrg(t.db);
});
afterAll(() => t.cleanup());

const goodHeaders = () => new Headers({ origin: 'http://app.test', host: 'app.test' });

// a real write through the wrapper: creates a branch, optionally failing after the insert
const createBranch: ActionSpec<z.ZodObject<{ code: z.ZodString; name: z.ZodString; failAfterInsert: z.ZodOptional<z.ZodBoolean> }>, { id: number }> = {
  name: 'test.create_branch',
  permission: 'admin:write',
  schema: z.object({
    code: z.string().regex(/^[A-Z0-9]{2,8}$/, { error: '编码为 2–8 位大写字母或数字' }),
    name: z.string().min(1, { error: '请输入名称' }),
    failAfterInsert: z.boolean().optional(),
  }),
  handler: async ({ tx, input }) => {
    const [row] = await tx.insert(branches).values({ code: input.code, name: input.name }).returning({ id: branches.id });
    if (input.failAfterInsert) throw new Error('boom');
    if (input.code === 'DUP1') throw new FieldError({ code: ['编码已存在'] });
    if (input.code === 'GONE') throw new NotFoundError();
    return { result: { id: row.id }, entity: 'branch', entityId: String(row.id) };
  },
};

const ctx = (username: string | null, headers = goodHeaders()) => ({
  user: username ? org.asCurrent(username) : null,
  headers,
  db: t.db,
  ip: '127.0.0.1',
});

const branchCount = async () => (await t.db.select({ n: count() }).from(branches))[0].n;

describe('the action wrapper', () => {
  it('refuses a signed-out caller', async () => {
    expect(await runAction(createBranch, ctx(null), { code: 'X1', name: 'x' })).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a missing or foreign Origin', async () => {
    expect(await runAction(createBranch, ctx('admin', new Headers({ host: 'app.test' })), { code: 'X1', name: 'x' })).toMatchObject({ ok: false, status: 403 });
    expect(
      await runAction(createBranch, ctx('admin', new Headers({ host: 'app.test', origin: 'http://evil.test' })), { code: 'X1', name: 'x' }),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a role without the permission with 403 and a message', async () => {
    const r = await runAction(createBranch, ctx('mgr1'), { code: 'X1', name: 'x' });
    expect(r).toMatchObject({ ok: false, status: 403, message: '您的角色无权执行此操作' });
  });

  it('returns per-field errors in Chinese and writes nothing', async () => {
    const before = await branchCount();
    const r = await runAction(createBranch, ctx('admin'), { code: 'bad code', name: '' });
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { code: ['编码为 2–8 位大写字母或数字'], name: ['请输入名称'] } });
    expect(await branchCount()).toBe(before);
  });

  it('writes the fact and its audit row together', async () => {
    const r = await runAction(createBranch, ctx('admin'), { code: 'B9', name: '新营销部' });
    expect(r.ok).toBe(true);
    const id = r.ok ? r.data.id : -1;
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'test.create_branch', username: 'admin', entity: 'branch', success: true });
  });

  it('leaves nothing half-written when the work fails after an insert', async () => {
    const before = await branchCount();
    const audits = (await t.db.select({ n: count() }).from(auditLog))[0].n;
    await expect(runAction(createBranch, ctx('admin'), { code: 'B8', name: 'x', failAfterInsert: true })).rejects.toThrow('boom');
    expect(await runAction(createBranch, ctx('admin'), { code: 'DUP1', name: 'x' })).toMatchObject({ status: 400, fieldErrors: { code: ['编码已存在'] } });
    expect(await runAction(createBranch, ctx('admin'), { code: 'GONE', name: 'x' })).toMatchObject({ status: 404 });
    expect(await branchCount()).toBe(before);
    expect((await t.db.select({ n: count() }).from(auditLog))[0].n).toBe(audits);
  });
});
