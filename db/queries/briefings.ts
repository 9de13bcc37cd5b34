import 'server-only';
import { and, asc, count, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/index';
import { morningBriefings, specs, supplyAllocations, users } from '@/db/schema';
import { monthStart } from '@/lib/time';

const briefingColumns = {
  id: morningBriefings.id,
  day: morningBriefings.day,
  policies: morningBriefings.policies,
  focus: morningBriefings.focus,
  supplyLimits: morningBriefings.supplyLimits,
  issues: morningBriefings.issues,
  authorName: users.name,
};

/** The team's briefing for a day, or null. */
export async function getTeamBriefing(db: DbOrTx, teamId: number, day: string) {
  const [row] = await db
    .select(briefingColumns)
    .from(morningBriefings)
    .innerJoin(users, eq(users.id, morningBriefings.authorId))
    .where(and(eq(morningBriefings.teamId, teamId), eq(morningBriefings.day, day)))
    .limit(1);
  return row ?? null;
}

/** The team's briefings before `day`, newest first, one page at a time. */
export async function getBriefingHistory(db: DbOrTx, teamId: number, day: string, page: number, pageSize = 10) {
  const where = and(eq(morningBriefings.teamId, teamId), lt(morningBriefings.day, day));
  const [rows, [total]] = await Promise.all([
    db
      .select(briefingColumns)
      .from(morningBriefings)
      .innerJoin(users, eq(users.id, morningBriefings.authorId))
      .where(where)
      .orderBy(desc(morningBriefings.day))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(morningBriefings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** This month's supply allocations (货源限量) per spec and grade range, in price-class order. */
export async function getMonthSupplyLimits(db: DbOrTx, day: string) {
  return db
    .select({
      specId: supplyAllocations.specId,
      specName: specs.name,
      priceClass: specs.priceClass,
      gradeMin: supplyAllocations.gradeMin,
      gradeMax: supplyAllocations.gradeMax,
      maxPerWeek: supplyAllocations.maxPerWeek,
    })
    .from(supplyAllocations)
    .innerJoin(specs, eq(specs.id, supplyAllocations.specId))
    .where(eq(supplyAllocations.month, monthStart(day)))
    .orderBy(asc(specs.priceClass), asc(specs.name), asc(supplyAllocations.gradeMin));
}
