import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, complaintCategories, settings } from '@/db/schema';
import { runAction } from '@/lib/action';
import { keysOf, saveCategorySpec, settingDefs, settingGroups, updateSettingsSpec } from '@/lib/admin/settings';
import { getSettings } from '@/lib/settings';
import { settingDefaults, type SettingKey } from '@/lib/settings-defaults';
import zh from '@/messages/zh-CN/admin-settings.json';
import en from '@/messages/en/admin-settings.json';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, '2026-11-24');
});
afterAll(() => t.cleanup());

const ctx = (username: string) => ({ user: w.asCurrent(username), headers: new Headers({ origin: 'http://app.test', host: 'app.test' }), db: t.db, ip: '127.0.0.1' });
// a group's form as the page submits it: every field as text, current values unless overridden
const groupValues = (group: (typeof settingGroups)[number], over: Partial<Record<SettingKey, unknown>> = {}) =>
  Object.fromEntries(keysOf(group).map((k) => [k, k in over ? over[k] : Array.isArray(settingDefaults[k]) ? settingDefaults[k] : String(settingDefaults[k])]));
const save = (group: (typeof settingGroups)[number], over: Partial<Record<SettingKey, unknown>> = {}, who = 'admin') =>
  runAction(updateSettingsSpec, ctx(who), { group, values: groupValues(group, over) });

describe('the settings editor', () => {
  it('has an editor, a group and a label in both languages for every setting', () => {
    for (const key of Object.keys(settingDefaults) as SettingKey[]) {
      expect(settingDefs[key], key).toBeDefined();
      expect(zh.adminSettings.labels[key], key).toBeTruthy();
      expect(en.adminSettings.labels[key], key).toBeTruthy();
    }
    expect(settingGroups.flatMap(keysOf).sort()).toEqual(Object.keys(settingDefaults).sort());
  });

  it('refuses wrong types and out-of-range values with Chinese messages per field', async () => {
    const r = await save('visitStandards', { visitStandardCity: 'abc', visitStandardRural: '25.5', shortVisitMinutes: '0', visitEndBy: '25:00' });
    expect(r).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: {
        visitStandardCity: ['城网日拜访标准必须是数字'],
        visitStandardRural: ['农网日拜访标准必须是整数'],
        shortVisitMinutes: ['短时拜访分钟数应在 1–120 之间'],
        visitEndBy: ['拜访结束时间应为 24 小时制时间，如 15:00'],
      },
    });
    expect(await save('general', { timeZone: 'Mars/Olympus' })).toMatchObject({ fieldErrors: { timeZone: ['时区无效，请填写如 Asia/Shanghai 的 IANA 时区名'] } });
    expect(await save('security', { sessionAbsoluteDays: '31' })).toMatchObject({ fieldErrors: { sessionAbsoluteDays: ['会话最长有效期应在 1–30 之间'] } });
    expect(await save('security', { sessionIdleHours: '' })).toMatchObject({ fieldErrors: { sessionIdleHours: ['请输入空闲超时'] } });
    expect(await t.db.select().from(settings)).toEqual([]);
  });

  it('checks rules between settings', async () => {
    expect(await save('stock', { stockToSalesHigh: '0.5' })).toMatchObject({ fieldErrors: { stockToSalesHigh: ['偏高线须大于偏低线'] } });
    expect(await save('agreement', { agreementTolerance: '0.2', agreementToleranceSmall: '0.1' })).toMatchObject({
      fieldErrors: { agreementToleranceSmall: ['小户容差不能小于一般容差'] },
    });
    expect(await save('security', { sessionIdleHours: '72', sessionAbsoluteDays: '2' })).toMatchObject({ fieldErrors: { sessionIdleHours: ['空闲超时不能超过会话最长有效期'] } });
  });

  it('refuses visit-frequency bands that overlap or leave grades out', async () => {
    const overlap = await save('frequency', {
      visitFrequency: [
        { gradeMin: '20', gradeMax: '30', perMonth: '4' },
        { gradeMin: '1', gradeMax: '20', perMonth: '1' },
      ],
    });
    expect(overlap).toMatchObject({ fieldErrors: { 'visitFrequency.1.gradeMin': ['档位 20 与第 1 行重叠'] } });
    const gap = await save('frequency', { visitFrequency: [{ gradeMin: '10', gradeMax: '30', perMonth: '2' }] });
    expect(gap.ok ? [] : gap.fieldErrors?.visitFrequency).toEqual(['档位 1、2、3、4、5、6、7、8、9 没有设置拜访频次，1–30 档都须覆盖']);
    const backwards = await save('frequency', { visitFrequency: [{ gradeMin: '30', gradeMax: '1', perMonth: '2' }] });
    expect(backwards).toMatchObject({ fieldErrors: { 'visitFrequency.0.gradeMax': ['结束档位不能小于起始档位'] } });
  });

  it('saves a valid group, which every reader then sees; the audit row says what changed', async () => {
    const r = await save('security', { sessionIdleHours: '4' });
    expect(r).toEqual({ ok: true, data: { changed: ['sessionIdleHours'] } });
    expect((await getSettings(t.db)).sessionIdleHours).toBe(4);
    const ok = await save('frequency', {
      visitFrequency: [
        { gradeMin: '1', gradeMax: '14', perMonth: '1' },
        { gradeMin: '15', gradeMax: '30', perMonth: '4' },
      ],
    });
    expect(ok.ok).toBe(true);
    expect((await getSettings(t.db)).visitFrequency).toEqual([
      { gradeMin: 1, gradeMax: 14, perMonth: 1 },
      { gradeMin: 15, gradeMax: 30, perMonth: 4 },
    ]);
    const audits = await t.db.select({ detail: auditLog.detail, entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.action, 'settings.update'));
    expect(audits[0]).toEqual({ entityId: 'security', detail: { changes: { sessionIdleHours: [8, 4] } } });
  });

  it('a value set back to its default drops the override', async () => {
    expect(await save('security', { sessionIdleHours: '8' })).toMatchObject({ ok: true });
    expect(await t.db.select().from(settings).where(eq(settings.key, 'sessionIdleHours'))).toEqual([]);
    expect((await getSettings(t.db)).sessionIdleHours).toBe(8);
  });

  it('is for admins only', async () => {
    expect(await save('security', { sessionIdleHours: '2' }, 'sup1')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('complaint categories', () => {
  const cat = (over: Record<string, unknown>) => ({ clientId: randomUUID(), isNew: false, code: 'other', nameZh: '其他', nameEn: 'Other', sort: '8', active: true, ...over });

  it('adds a category, refuses a taken code, and renames one', async () => {
    expect(await runAction(saveCategorySpec, ctx('admin'), cat({ isNew: true, code: 'packaging', nameZh: '包装', nameEn: 'Packaging', sort: '9' }))).toMatchObject({ ok: true });
    expect(await runAction(saveCategorySpec, ctx('admin'), cat({ isNew: true, code: 'packaging', nameZh: '包装', nameEn: 'Packaging' }))).toMatchObject({
      fieldErrors: { code: ['该编码已存在'] },
    });
    expect(await runAction(saveCategorySpec, ctx('admin'), cat({ isNew: true, code: '9x', nameZh: '', nameEn: 'x' }))).toMatchObject({
      fieldErrors: { code: ['编码为 2–32 位小写字母、数字或下划线，以字母开头'], nameZh: ['请输入中文名称'] },
    });
    expect(await runAction(saveCategorySpec, ctx('admin'), cat({ nameZh: '其它问题' }))).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(complaintCategories).where(eq(complaintCategories.code, 'other'));
    expect(row.nameZh).toBe('其它问题');
  });

  it('keeps at least one category active', async () => {
    const all = await t.db.select({ code: complaintCategories.code }).from(complaintCategories);
    await t.db.update(complaintCategories).set({ active: false });
    await t.db.update(complaintCategories).set({ active: true }).where(eq(complaintCategories.code, 'other'));
    expect(await runAction(saveCategorySpec, ctx('admin'), cat({ active: false }))).toMatchObject({ fieldErrors: { active: ['至少保留一个启用的投诉类别'] } });
    expect(all.length).toBeGreaterThan(1);
  });
});
