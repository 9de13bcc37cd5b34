import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '@/lib/action';
import { addCalendarDaysSpec, removeCalendarDaySpec } from '@/lib/admin/calendar';
import { getWorkCalendar } from '@/lib/settings';
import { isWorkingDay, workingDaysBetween } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeOrg } from './helpers/org';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  t = await createTestDb();
  org = await makeOrg(t.db);
});
afterAll(() => t.cleanup());

const ctx = (username = 'admin') => ({ user: org.asCurrent(username), headers: new Headers({ origin: 'http://app.test', host: 'app.test' }), db: t.db, ip: '127.0.0.1' });

describe('the holiday calendar', () => {
  it('adds a holiday range and a make-up working day, which the working-day rules then follow', async () => {
    // National Day 2026: Thu 10-01 to Wed 10-07 off, Sat 10-10 worked
    expect(await runAction(addCalendarDaysSpec, ctx(), { day: '2026-10-01', to: '2026-10-07', kind: 'holiday', name: '国庆节' })).toMatchObject({ ok: true });
    expect(await runAction(addCalendarDaysSpec, ctx(), { day: '2026-10-10', to: '', kind: 'workday', name: '国庆调休' })).toMatchObject({ ok: true });
    const cal = await getWorkCalendar(t.db);
    expect(isWorkingDay('2026-10-05', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(workingDaysBetween('2026-09-28', '2026-10-11', cal)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('refuses a make-up day on a weekday, a day already listed, a backwards or too long range, a bad date', async () => {
    expect(await runAction(addCalendarDaysSpec, ctx(), { day: '2026-10-12', kind: 'workday', name: '调休' })).toMatchObject({
      fieldErrors: { day: ['调休上班日应为周六或周日，2026-10-12 本来就是工作日'] },
    });
    expect(await runAction(addCalendarDaysSpec, ctx(), { day: '2026-09-30', to: '2026-10-02', kind: 'holiday', name: '假期' })).toMatchObject({
      fieldErrors: { day: ['2026-10-01、2026-10-02 已在日历中，请先删除'] },
    });
    expect(await runAction(addCalendarDaysSpec, ctx(), { day: '2026-05-05', to: '2026-05-01', kind: 'holiday', name: '劳动节' })).toMatchObject({
      fieldErrors: { to: ['结束日期不能早于开始日期'] },
    });
    expect(await runAction(addCalendarDaysSpec, ctx(), { day: '2026-01-01', to: '2026-03-01', kind: 'holiday', name: '长假' })).toMatchObject({
      fieldErrors: { to: ['一次最多添加 31 天'] },
    });
    expect(await runAction(addCalendarDaysSpec, ctx(), { day: '2026-02-30', kind: 'holiday', name: '' })).toMatchObject({
      fieldErrors: { day: ['日期不是有效日期'], name: ['请输入名称'] },
    });
  });

  it('removes a day; an unknown day answers 404; only admins write', async () => {
    expect(await runAction(removeCalendarDaySpec, ctx(), { day: '2026-10-10' })).toMatchObject({ ok: true });
    expect(isWorkingDay('2026-10-10', await getWorkCalendar(t.db))).toBe(false);
    expect(await runAction(removeCalendarDaySpec, ctx(), { day: '2026-10-10' })).toMatchObject({ status: 404 });
    expect(await runAction(removeCalendarDaySpec, ctx('sup1'), { day: '2026-10-01' })).toMatchObject({ status: 403 });
  });
});
