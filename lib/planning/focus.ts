import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { customerGroupAssignments as cga, retailers } from '@/db/schema';

/**
 * Days 6–10 belong to these shops (DOMAIN.md "The monthly rhythm"): high-fluctuation and
 * enterprise-level by the month's screening, overrides included; a shop with the enterprise flag
 * that has not been screened yet counts too. Use with retailers left-joined to the month's
 * customer_group_assignments.
 */
export function focusShopCondition() {
  return or(inArray(cga.group, ['high_fluctuation', 'enterprise']), and(isNull(cga.retailerId), eq(retailers.isEnterprise, true)));
}

/** Calendar days 6–10: individual forecasts, visits weighted to the focus shops. */
export function isFocusWindow(day: string): boolean {
  const dom = Number(day.slice(8, 10));
  return dom >= 6 && dom <= 10;
}
