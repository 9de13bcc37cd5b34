import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { getEligibleKeySpecIds, getRetailerInScope, getSupplyLimits } from '@/db/queries/visits';
import { applyVisitToRollups, lockManagerDay } from '@/db/rollups';
import {
  specs,
  visitInfoItems,
  visitOrderLines,
  visitPlanItems,
  visitPlans,
  visitStockLines,
  visits,
} from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { createComplaint } from '@/lib/complaints/create';
import { now } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import { dateInTz, monthStart } from '@/lib/time';
import { visitSubmissionSchema } from './schema';

export type SubmitVisitResult = { visitId: string; short: boolean; offPlan: boolean; complaintNumbers: string[] };

/**
 * One visit, its lines, its complaints, the rollups it touches and the audit row, in one
 * transaction (the wrapper's). The client UUID makes a retry return this first result.
 */
export const submitVisitSpec: ActionSpec<typeof visitSubmissionSchema, SubmitVisitResult> = {
  name: 'visit.submit',
  permission: 'visit:write',
  schema: visitSubmissionSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    await lockManagerDay(tx, user.userId);
    const receivedAt = now();
    const shop = await getRetailerInScope(tx, user, input.retailerId);
    if (!shop) throw new NotFoundError('客户不存在或不在您的负责范围内');
    const settings = await getSettings(tx);
    const startedAt = new Date(input.startedAt);
    const endedAt = new Date(input.endedAt);
    const clockOffsetMs = receivedAt.getTime() - Date.parse(input.deviceSentAt);

    const errors: Record<string, string[]> = {};
    if (startedAt.getTime() > receivedAt.getTime() + settings.futureStartToleranceMinutes * 60_000) {
      errors.startedAt = ['开始时间晚于当前时间，请检查手机时间设置'];
    }
    if (receivedAt.getTime() - startedAt.getTime() > settings.visitMaxAgeDays * 86_400_000) {
      errors.startedAt = [`拜访已超过 ${settings.visitMaxAgeDays} 天，不能再补录`];
    }
    const visitDate = dateInTz(startedAt, settings.timeZone);
    const month = monthStart(visitDate);
    const specIds = [...new Set([...input.stockLines.map((l) => l.specId), ...input.orderLines.map((l) => l.specId)])];
    const known = new Set(
      specIds.length
        ? (await tx.select({ id: specs.id }).from(specs).where(and(inArray(specs.id, specIds), eq(specs.active, true)))).map((s) => s.id)
        : [],
    );
    input.stockLines.forEach((l, i) => {
      if (!known.has(l.specId)) errors[`stockLines.${i}.specId`] = ['未知的卷烟规格'];
      if (l.stock > settings.maxStockPerLine) errors[`stockLines.${i}.stock`] = [`库存超过 ${settings.maxStockPerLine} 条，请核对`];
    });
    input.orderLines.forEach((l, i) => {
      if (!known.has(l.specId)) errors[`orderLines.${i}.specId`] = ['未知的卷烟规格'];
      if (l.qty > settings.maxOrderPerLine) errors[`orderLines.${i}.qty`] = [`订货量超过 ${settings.maxOrderPerLine} 条，请核对`];
    });
    const keySpecIds = await getEligibleKeySpecIds(tx, shop, month);
    const reported = new Set(input.stockLines.map((l) => l.specId));
    const missingKeys = keySpecIds.filter((id) => !reported.has(id));
    if (missingKeys.length) errors.stockLines = ['重点规格必须逐一填写（未经营请填 0）'];
    if (Object.keys(errors).length) throw new FieldError(errors);

    const durationSec = Math.round((endedAt.getTime() - startedAt.getTime()) / 1000);
    const short = durationSec < settings.shortVisitMinutes * 60;
    const [planItem] = await tx
      .select({ id: visitPlanItems.id })
      .from(visitPlanItems)
      .innerJoin(visitPlans, and(eq(visitPlans.id, visitPlanItems.planId), eq(visitPlans.status, 'approved')))
      .where(and(eq(visitPlanItems.managerId, user.userId), eq(visitPlanItems.day, visitDate), eq(visitPlanItems.retailerId, shop.id)))
      .limit(1);
    const stamps = { managerId: user.userId, teamId: shop.teamId, branchId: shop.branchId };
    const [visit] = await tx
      .insert(visits)
      .values({
        retailerId: shop.id,
        routeId: shop.routeId,
        area: shop.area,
        planItemId: planItem?.id ?? null,
        offPlan: !planItem,
        visitDate,
        startedAt,
        endedAt,
        receivedAt,
        clockOffsetMs,
        durationSec,
        short,
        sections: input.sections,
        illegalFound: input.illegalFound,
        illegalNote: input.illegalNote || null,
        ...stamps,
      })
      .returning({ id: visits.id });

    const keySet = new Set(keySpecIds);
    if (input.stockLines.length) {
      await tx.insert(visitStockLines).values(
        input.stockLines.map((l) => ({
          visitId: visit.id,
          specId: l.specId,
          stock: l.stock,
          onCounter: l.onCounter,
          priceTagOk: l.priceTagOk,
          isKey: keySet.has(l.specId),
          retailerId: shop.id,
          visitedAt: startedAt,
          visitDate,
          ...stamps,
        })),
      );
    }
    if (input.orderLines.length) {
      const limits = await getSupplyLimits(tx, shop.grade, month);
      await tx.insert(visitOrderLines).values(
        input.orderLines.map((l) => ({
          visitId: visit.id,
          specId: l.specId,
          qty: l.qty,
          overLimit: limits[l.specId] !== undefined && l.qty > limits[l.specId],
          retailerId: shop.id,
          visitedAt: startedAt,
          ...stamps,
        })),
      );
    }
    if (input.infoItems.length) {
      await tx
        .insert(visitInfoItems)
        .values(input.infoItems.map((i) => ({ visitId: visit.id, kind: i.kind, note: i.note, retailerId: shop.id, visitedAt: startedAt, ...stamps })));
    }
    const complaintNumbers: string[] = [];
    for (const [i, c] of input.complaints.entries()) {
      const created = await createComplaint(tx, {
        retailer: { id: shop.id, ...stamps },
        source: 'visit',
        category: c.category,
        description: c.description,
        contact: c.contact,
        visitId: visit.id,
        actorId: user.userId,
        at: endedAt,
        fieldPath: `complaints.${i}.category`,
      });
      complaintNumbers.push(created.number);
    }

    await applyVisitToRollups(tx, { managerId: user.userId, retailerId: shop.id, visitDate, visitId: visit.id });

    return { result: { visitId: visit.id, short, offPlan: !planItem, complaintNumbers }, entity: 'visit', entityId: visit.id };
  },
};

