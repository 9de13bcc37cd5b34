// Next month's visit plan, proposed from visit frequency by grade and the routes: each shop gets
// its visits per month spread evenly over the working days, shops of one route on the same days
// where the load allows, and every day kept as near the daily standard as the shop count permits.

export type PlanShop = { id: number; grade: number; area: 'city' | 'rural'; routeId: number; routeSeq: number };
export type FrequencyBand = { gradeMin: number; gradeMax: number; perMonth: number };
export type ProposedItem = { day: string; retailerId: number; seq: number };

export function visitsPerMonth(grade: number, bands: readonly FrequencyBand[]) {
  return bands.find((b) => grade >= b.gradeMin && grade <= b.gradeMax)?.perMonth ?? 1;
}

export function proposePlan(shops: PlanShop[], workingDays: string[], bands: readonly FrequencyBand[]): ProposedItem[] {
  const n = workingDays.length;
  if (n === 0 || shops.length === 0) return [];
  const routes = [...new Set(shops.map((s) => s.routeId))].sort((a, b) => a - b);
  const phaseOf = new Map(routes.map((r, i) => [r, i / routes.length]));
  const demands: { shop: PlanShop; target: number; window: number }[] = [];
  for (const shop of shops) {
    const f = Math.min(visitsPerMonth(shop.grade, bands), n);
    for (let k = 0; k < f; k++) {
      const target = Math.floor(((k + phaseOf.get(shop.routeId)!) * n) / f) % n;
      demands.push({ shop, target, window: Math.max(1, Math.floor(n / (2 * f))) });
    }
  }
  // most constrained first (frequent shops have the narrowest windows), then by day and route
  demands.sort((a, b) => a.window - b.window || a.target - b.target || a.shop.routeId - b.shop.routeId || a.shop.routeSeq - b.shop.routeSeq);
  const load = new Array<number>(n).fill(0);
  const routeDays = new Map<number, Set<number>>();
  const taken = new Set<string>();
  const placed: { day: number; shop: PlanShop; target: number; window: number }[] = [];
  for (const d of demands) {
    let best = -1;
    let bestScore = Infinity;
    for (let off = -d.window; off <= d.window; off++) {
      const day = d.target + off;
      if (day < 0 || day >= n || taken.has(`${d.shop.id}:${day}`)) continue;
      // lighter days first; a day the route already runs on is worth one visit; nearer the target breaks ties
      const score = load[day] - (routeDays.get(d.shop.routeId)?.has(day) ? 1 : 0) + Math.abs(off) / (d.window + 1);
      if (score < bestScore) {
        bestScore = score;
        best = day;
      }
    }
    if (best < 0) continue;
    load[best]++;
    taken.add(`${d.shop.id}:${best}`);
    if (!routeDays.has(d.shop.routeId)) routeDays.set(d.shop.routeId, new Set());
    routeDays.get(d.shop.routeId)!.add(best);
    placed.push({ day: best, shop: d.shop, target: d.target, window: d.window });
  }
  // then even out: move visits from the fullest day to the emptiest one within their window,
  // the widest windows (least frequent shops) first, until no move narrows the gap
  for (let guard = 0; guard < placed.length * 2; guard++) {
    const order = load.map((l, i) => [l, i] as const).sort((a, b) => a[0] - b[0]);
    let moved = false;
    search: for (let hi = order.length - 1; hi > 0; hi--) {
      const [highLoad, highDay] = order[hi];
      for (let lo = 0; lo < hi; lo++) {
        const [lowLoad, lowDay] = order[lo];
        if (highLoad - lowLoad <= 1) break;
        const candidate = placed
          .filter((p) => p.day === highDay && Math.abs(lowDay - p.target) <= p.window && !taken.has(`${p.shop.id}:${lowDay}`))
          .sort((a, b) => b.window - a.window)[0];
        if (!candidate) continue;
        taken.delete(`${candidate.shop.id}:${highDay}`);
        taken.add(`${candidate.shop.id}:${lowDay}`);
        load[highDay]--;
        load[lowDay]++;
        candidate.day = lowDay;
        moved = true;
        break search;
      }
    }
    if (!moved) break;
  }
  placed.sort((a, b) => a.day - b.day || a.shop.routeId - b.shop.routeId || a.shop.routeSeq - b.shop.routeSeq);
  const seqOf = new Array<number>(n).fill(0);
  return placed.map((p) => ({ day: workingDays[p.day], retailerId: p.shop.id, seq: ++seqOf[p.day] }));
}

export type PlanChecks = {
  uncovered: { retailerId: number; planned: number; required: number }[];
  days: { day: string; count: number; standard: number; near: boolean }[];
};

/** The checks shown beside the calendar: every shop at its frequency; each day near the standard (±20%). */
export function checkPlan(
  items: { day: string; retailerId: number }[],
  shops: PlanShop[],
  workingDays: string[],
  bands: readonly FrequencyBand[],
  standard: { city: number; rural: number },
): PlanChecks {
  const per = new Map<number, number>();
  for (const i of items) per.set(i.retailerId, (per.get(i.retailerId) ?? 0) + 1);
  const uncovered = shops
    .map((s) => ({ retailerId: s.id, planned: per.get(s.id) ?? 0, required: Math.min(visitsPerMonth(s.grade, bands), workingDays.length) }))
    .filter((c) => c.planned < c.required);
  const areaOf = new Map(shops.map((s) => [s.id, s.area]));
  const byDay = new Map<string, string[]>();
  for (const i of items) byDay.set(i.day, [...(byDay.get(i.day) ?? []), areaOf.get(i.retailerId) ?? 'city']);
  const days = [...new Set([...workingDays, ...byDay.keys()])].sort().map((day) => {
    const areas = byDay.get(day) ?? [];
    const rural = areas.filter((a) => a === 'rural').length;
    const std = rural * 2 > areas.length ? standard.rural : standard.city;
    return { day, count: areas.length, standard: std, near: areas.length >= std * 0.8 && areas.length <= std * 1.2 };
  });
  return { uncovered, days };
}
