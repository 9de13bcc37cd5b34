import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import { calendarDays } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { diffDays, eachDay, isoWeekday } from '@/lib/time';
import { day, text } from './fields';

export const addCalendarDaysSchema = z
  .object({
    day: day('日期'),
    to: z.preprocess((v) => (v === '' || v == null ? undefined : v), day('结束日期').optional()),
    kind: z.enum(['holiday', 'workday'], { error: '请选择类型' }),
    name: text('名称', 20),
  })
  .superRefine((v, ctx) => {
    if (!v.to) return;
    if (v.to < v.day) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    else if (diffDays(v.to, v.day) > 30) ctx.addIssue({ code: 'custom', path: ['to'], message: '一次最多添加 31 天' });
  });

/**
 * Adds holidays (a single day or a range, e.g. 国庆 10-01 to 10-07) or make-up working days (调休).
 * Working-day deadlines and time progress read this calendar; weekends rest unless listed as workdays.
 */
export const addCalendarDaysSpec: ActionSpec<typeof addCalendarDaysSchema, { days: string[] }> = {
  name: 'calendar.add',
  permission: 'admin:write',
  schema: addCalendarDaysSchema,
  handler: async ({ tx, input }) => {
    const days = eachDay(input.day, input.to ?? input.day);
    if (input.kind === 'workday') {
      const weekdays = days.filter((d) => isoWeekday(d) <= 5);
      if (weekdays.length) throw new FieldError({ day: [`调休上班日应为周六或周日，${weekdays.join('、')} 本来就是工作日`] });
    }
    const taken = await tx.select({ day: calendarDays.day }).from(calendarDays).where(inArray(calendarDays.day, days));
    if (taken.length) throw new FieldError({ day: [`${taken.map((t) => t.day).join('、')} 已在日历中，请先删除`] });
    await tx.insert(calendarDays).values(days.map((d) => ({ day: d, kind: input.kind, name: input.name })));
    return { result: { days }, entity: 'calendar', entityId: input.day, detail: { kind: input.kind, name: input.name, days } };
  },
};

export const removeCalendarDaySchema = z.object({ day: day('日期') });

export const removeCalendarDaySpec: ActionSpec<typeof removeCalendarDaySchema, { day: string }> = {
  name: 'calendar.remove',
  permission: 'admin:write',
  schema: removeCalendarDaySchema,
  handler: async ({ tx, input }) => {
    const [gone] = await tx.delete(calendarDays).where(eq(calendarDays.day, input.day)).returning();
    if (!gone) throw new NotFoundError('日历中没有这一天');
    return { result: { day: input.day }, entity: 'calendar', entityId: input.day, detail: gone };
  },
};
