import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// ---------------------------------------------------------------- enums

export const roleEnum = pgEnum('role', ['manager', 'supervisor', 'branch_head', 'admin']);
export const areaEnum = pgEnum('area', ['city', 'rural']); // 城网 / 农网
export const retailFormatEnum = pgEnum('retail_format', [
  'grocery', // 食杂店
  'convenience', // 便利店
  'supermarket', // 超市
  'mall', // 商场
  'tobacco_liquor', // 烟酒商店
  'entertainment', // 娱乐服务类
  'other', // 其他
]);
export const shopSizeEnum = pgEnum('shop_size', ['large', 'medium', 'small']);
export const customerGroupEnum = pgEnum('customer_group', ['high_fluctuation', 'enterprise', 'general']);
export const reviewStatusEnum = pgEnum('review_status', ['draft', 'submitted', 'approved', 'returned']);
export const missedReasonEnum = pgEnum('missed_reason', ['closed', 'owner_absent', 'relocated', 'other']);
export const infoKindEnum = pgEnum('info_kind', [
  'monopoly', // 专卖信息
  'market', // 市场信息
  'retailer_change', // 零售户变化
  'service_feedback', // 服务反馈
]);
export const complaintSourceEnum = pgEnum('complaint_source', ['visit', 'hotline', 'walk_in', 'opinion_book']);
export const complaintStatusEnum = pgEnum('complaint_status', [
  'received',
  'assigned',
  'investigating',
  'resolved',
  'replied',
  'closed',
]);
export const complaintEventKindEnum = pgEnum('complaint_event_kind', [
  'received',
  'assigned',
  'investigating',
  'resolved',
  'replied',
  'follow_up',
  'closed',
  'reopened',
  'escalated',
  'note',
]);
export const settlementStatusEnum = pgEnum('settlement_status', ['success', 'failed', 'not_e_settlement']);
export const settlementFailureEnum = pgEnum('settlement_failure', [
  'insufficient_balance',
  'outside_window',
  'quantity_rule',
  'other',
]);
export const summaryKindEnum = pgEnum('summary_kind', ['weekly', 'monthly']);
export const forecastKindEnum = pgEnum('forecast_kind', ['total', 'individual']);
export const opinionKindEnum = pgEnum('opinion_kind', ['opinion', 'suggestion', 'complaint']);
export const followUpOutcomeEnum = pgEnum('follow_up_outcome', ['reached', 'not_reached', 'resolved']);
export const calendarDayKindEnum = pgEnum('calendar_day_kind', ['holiday', 'workday']);
export const periodKindEnum = pgEnum('period_kind', ['week', 'month']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// Every fact row carries the org of the moment it was written (DOMAIN.md "One visit"), so history
// stays with its past manager and a future distribution key (branch_id) is already on every row.
const orgStamps = () => ({
  branchId: integer('branch_id')
    .notNull()
    .references(() => branches.id),
  teamId: integer('team_id')
    .notNull()
    .references(() => teams.id),
  managerId: integer('manager_id')
    .notNull()
    .references(() => users.id),
});

// ---------------------------------------------------------------- organisation

export const branches = pgTable('branches', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('teams_branch_idx').on(t.branchId)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    branchId: integer('branch_id').references(() => branches.id),
    teamId: integer('team_id').references(() => teams.id),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    tokenVersion: integer('token_version').notNull().default(1),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_team_idx').on(t.teamId),
    index('users_branch_idx').on(t.branchId),
    // managers and supervisors belong to a team, branch heads to a branch; admins may stand above.
    check(
      'users_org_by_role',
      sql`(${t.role} in ('manager','supervisor') and ${t.teamId} is not null and ${t.branchId} is not null)
        or (${t.role} = 'branch_head' and ${t.branchId} is not null)
        or ${t.role} = 'admin'`,
    ),
  ],
);

export const routes = pgTable(
  'routes',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    area: areaEnum('area').notNull(),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    managerId: integer('manager_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('routes_manager_idx').on(t.managerId)],
);

export const retailers = pgTable(
  'retailers',
  {
    id: serial('id').primaryKey(),
    licenceNo: text('licence_no').notNull().unique(),
    name: text('name').notNull(),
    owner: text('owner').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    area: areaEnum('area').notNull(),
    format: retailFormatEnum('format').notNull(),
    size: shopSizeEnum('size').notNull(),
    grade: smallint('grade').notNull(),
    routeId: integer('route_id')
      .notNull()
      .references(() => routes.id),
    routeSeq: integer('route_seq').notNull().default(0),
    // current assignment; facts carry their own stamps
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    managerId: integer('manager_id')
      .notNull()
      .references(() => users.id),
    isKeyCustomer: boolean('is_key_customer').notNull().default(false),
    isEnterprise: boolean('is_enterprise').notNull().default(false),
    isCollectionPoint: boolean('is_collection_point').notNull().default(false),
    isESettlement: boolean('is_e_settlement').notNull().default(true),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check('retailers_grade_range', sql`${t.grade} between 1 and 30`),
    check('retailers_licence_format', sql`${t.licenceNo} ~ '^[0-9]{12}$'`),
    index('retailers_manager_idx').on(t.managerId),
    index('retailers_team_idx').on(t.teamId),
    // the branch head's team sizes count the branch's active shops
    index('retailers_branch_idx').on(t.branchId, t.teamId).where(sql`${t.active}`),
    index('retailers_route_idx').on(t.routeId, t.routeSeq),
  ],
);

export const customerGroupAssignments = pgTable(
  'customer_group_assignments',
  {
    month: date('month').notNull(), // first day of the month
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    group: customerGroupEnum('group').notNull(),
    isKeyCustomer: boolean('is_key_customer').notNull(),
    weeklyCv: integer('weekly_cv_permille'), // coefficient of variation × 1000
    overrideReason: text('override_reason'),
    overriddenBy: integer('overridden_by').references(() => users.id),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    ...orgStamps(),
  },
  (t) => [primaryKey({ columns: [t.month, t.retailerId] })],
);

// ---------------------------------------------------------------- products and supply

export const specs = pgTable(
  'specs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    brand: text('brand').notNull(),
    name: text('name').notNull(),
    // stored, never derived from wholesale price (DOMAIN.md "Reference data")
    priceClass: smallint('price_class').notNull(),
    wholesaleFen: integer('wholesale_fen').notNull(),
    retailFen: integer('retail_fen').notNull(),
    packsPerCarton: smallint('packs_per_carton').notNull().default(10),
    sticksPerPack: smallint('sticks_per_pack').notNull().default(20),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check('specs_price_class', sql`${t.priceClass} between 1 and 5`),
    check('specs_prices_positive', sql`${t.wholesaleFen} > 0 and ${t.retailFen} > 0`),
  ],
);

export const keyBrandLists = pgTable('key_brand_lists', {
  id: serial('id').primaryKey(),
  month: date('month').notNull().unique(),
  note: text('note'),
  createdAt: createdAt(),
});

export const keyBrandListItems = pgTable(
  'key_brand_list_items',
  {
    id: serial('id').primaryKey(),
    listId: integer('list_id')
      .notNull()
      .references(() => keyBrandLists.id, { onDelete: 'cascade' }),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    gradeMin: smallint('grade_min').notNull().default(1),
    gradeMax: smallint('grade_max').notNull().default(30),
    area: areaEnum('area'), // null: both areas
  },
  (t) => [
    uniqueIndex('key_brand_list_items_uq').on(t.listId, t.specId),
    check('key_brand_grade_range', sql`${t.gradeMin} between 1 and 30 and ${t.gradeMax} between ${t.gradeMin} and 30`),
  ],
);

export const supplyAllocations = pgTable(
  'supply_allocations',
  {
    id: serial('id').primaryKey(),
    month: date('month').notNull(),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    gradeMin: smallint('grade_min').notNull(),
    gradeMax: smallint('grade_max').notNull(),
    maxPerWeek: integer('max_per_week').notNull(), // 条 per order week
  },
  (t) => [
    uniqueIndex('supply_allocations_uq').on(t.month, t.specId, t.gradeMin),
    check('supply_alloc_grade_range', sql`${t.gradeMin} between 1 and 30 and ${t.gradeMax} between ${t.gradeMin} and 30`),
    check('supply_alloc_non_negative', sql`${t.maxPerWeek} >= 0`),
  ],
);

// ---------------------------------------------------------------- planning

export const visitPlans = pgTable(
  'visit_plans',
  {
    id: serial('id').primaryKey(),
    month: date('month').notNull(),
    status: reviewStatusEnum('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    ...orgStamps(),
  },
  (t) => [uniqueIndex('visit_plans_manager_month_uq').on(t.managerId, t.month)],
);

export const visitPlanItems = pgTable(
  'visit_plan_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => visitPlans.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    seq: integer('seq').notNull(),
    ...orgStamps(),
  },
  (t) => [
    uniqueIndex('visit_plan_items_uq').on(t.planId, t.day, t.retailerId),
    index('visit_plan_items_manager_day_idx').on(t.managerId, t.day),
  ],
);

// a planned shop the manager could not visit, with the reason (daily report item 3)
export const missedVisits = pgTable(
  'missed_visits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    day: date('day').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    reason: missedReasonEnum('reason').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    ...orgStamps(),
  },
  (t) => [uniqueIndex('missed_visits_uq').on(t.managerId, t.day, t.retailerId)],
);

// the manager's own order for a day's schedule (reordered on Today); absent: route order
export const dayScheduleOrders = pgTable(
  'day_schedule_orders',
  {
    day: date('day').notNull(),
    retailerIds: jsonb('retailer_ids').$type<number[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...orgStamps(),
  },
  (t) => [primaryKey({ columns: [t.managerId, t.day] })],
);

// ---------------------------------------------------------------- visits

// A repeat of a field submission returns the first result. Kept apart from the fact tables so that
// those can be partitioned by month later.
export const receipts = pgTable('receipts', {
  clientId: uuid('client_id').primaryKey(),
  kind: text('kind').notNull(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  result: jsonb('result').notNull(),
  createdAt: createdAt(),
});

export type VisitSections = {
  ask: { done: boolean; note?: string };
  look: { done: boolean; stockReasonable?: boolean; displayTidy?: boolean; tagsComplete?: boolean; tagsMatch?: boolean; note?: string };
  introduce: { done: boolean; topics?: string[]; note?: string };
  tidy: { done: boolean; counter?: boolean; display?: boolean; priceTags?: boolean; note?: string };
  collect: { done: boolean; note?: string };
  answer: { done: boolean; questions?: string; note?: string };
  record: { done: boolean; handbook?: boolean; effects?: string; suggestions?: string };
};

export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    routeId: integer('route_id')
      .notNull()
      .references(() => routes.id),
    area: areaEnum('area').notNull(),
    planItemId: bigint('plan_item_id', { mode: 'number' }).references(() => visitPlanItems.id),
    offPlan: boolean('off_plan').notNull().default(false),
    visitDate: date('visit_date').notNull(), // in the company's time zone
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    clockOffsetMs: integer('clock_offset_ms').notNull().default(0),
    durationSec: integer('duration_sec').notNull(),
    short: boolean('short').notNull().default(false),
    sections: jsonb('sections').$type<VisitSections>().notNull(),
    illegalFound: boolean('illegal_found').notNull().default(false),
    illegalNote: text('illegal_note'),
    ...orgStamps(),
  },
  (t) => [
    check('visits_end_after_start', sql`${t.endedAt} >= ${t.startedAt}`),
    check('visits_duration_non_negative', sql`${t.durationSec} >= 0`),
    index('visits_manager_date_idx').on(t.managerId, t.visitDate),
    index('visits_retailer_time_idx').on(t.retailerId, t.startedAt),
    index('visits_team_date_idx').on(t.teamId, t.visitDate),
    index('visits_started_brin').using('brin', t.startedAt),
  ],
);

export const visitStockLines = pgTable(
  'visit_stock_lines',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    stock: integer('stock').notNull(), // 条
    onCounter: boolean('on_counter').notNull(),
    priceTagOk: boolean('price_tag_ok').notNull(),
    isKey: boolean('is_key').notNull().default(false),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    visitDate: date('visit_date').notNull(),
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.specId] }),
    check('stock_lines_non_negative', sql`${t.stock} >= 0`),
    index('stock_lines_retailer_spec_time_idx').on(t.retailerId, t.specId, t.visitedAt),
    index('stock_lines_visited_brin').using('brin', t.visitedAt),
  ],
);

export const visitOrderLines = pgTable(
  'visit_order_lines',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    qty: integer('qty').notNull(),
    overLimit: boolean('over_limit').notNull().default(false),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    ...orgStamps(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.specId] }), check('order_lines_qty_non_negative', sql`${t.qty} >= 0`)],
);

export const visitInfoItems = pgTable(
  'visit_info_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    kind: infoKindEnum('kind').notNull(),
    note: text('note').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    ...orgStamps(),
  },
  (t) => [index('visit_info_items_visit_idx').on(t.visitId)],
);

// ---------------------------------------------------------------- complaints and the opinion book

export const complaintCategories = pgTable('complaint_categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const opinionEntries = pgTable(
  'opinion_entries',
  {
    id: serial('id').primaryKey(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    kind: opinionKindEnum('kind').notNull(),
    category: text('category')
      .notNull()
      .references(() => complaintCategories.code),
    content: text('content').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    replyDueAt: timestamp('reply_due_at', { withTimezone: true }).notNull(),
    reply: text('reply'),
    repliedBy: integer('replied_by').references(() => users.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    ...orgStamps(),
  },
  (t) => [index('opinion_entries_manager_idx').on(t.managerId, t.receivedAt)],
);

export const opinionSummaries = pgTable(
  'opinion_summaries',
  {
    id: serial('id').primaryKey(),
    month: date('month').notNull(),
    countsByCategory: jsonb('counts_by_category').$type<Record<string, number>>().notNull(),
    suggestions: text('suggestions').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...orgStamps(),
  },
  (t) => [uniqueIndex('opinion_summaries_uq').on(t.managerId, t.month)],
);

export const complaints = pgTable(
  'complaints',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull().unique(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    source: complaintSourceEnum('source').notNull(),
    category: text('category')
      .notNull()
      .references(() => complaintCategories.code),
    description: text('description').notNull(),
    contact: text('contact'),
    visitId: uuid('visit_id').references(() => visits.id),
    opinionEntryId: integer('opinion_entry_id').references(() => opinionEntries.id),
    // current state, derived from the append-only events below
    status: complaintStatusEnum('status').notNull().default('received'),
    assigneeId: integer('assignee_id').references(() => users.id),
    escalationLevel: smallint('escalation_level').notNull().default(0), // 0 none, 1 supervisor, 2 branch head
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    ackDueAt: timestamp('ack_due_at', { withTimezone: true }).notNull(),
    resolveDueAt: timestamp('resolve_due_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    satisfied: boolean('satisfied'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    ...orgStamps(),
  },
  (t) => [
    check('complaints_escalation_range', sql`${t.escalationLevel} between 0 and 2`),
    index('complaints_team_status_idx').on(t.teamId, t.status),
    index('complaints_manager_idx').on(t.managerId, t.receivedAt),
    index('complaints_retailer_idx').on(t.retailerId),
  ],
);

export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    kind: complaintEventKindEnum('kind').notNull(),
    actorId: integer('actor_id').references(() => users.id), // null: the scheduled escalation job
    toUserId: integer('to_user_id').references(() => users.id),
    satisfied: boolean('satisfied'),
    escalationLevel: smallint('escalation_level'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    ...orgStamps(),
  },
  (t) => [
    index('complaint_events_complaint_idx').on(t.complaintId, t.at),
    // the escalation job may run twice at once; one escalation per level per complaint
    uniqueIndex('complaint_events_escalation_uq')
      .on(t.complaintId, t.escalationLevel)
      .where(sql`${t.kind} = 'escalated'`),
  ],
);

// ---------------------------------------------------------------- orders (imported from the ordering system)

export const orders = pgTable(
  'orders',
  {
    orderNo: text('order_no').primaryKey(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    orderDate: date('order_date').notNull(),
    deliveryDate: date('delivery_date').notNull(),
    settlementStatus: settlementStatusEnum('settlement_status').notNull(),
    failureReason: settlementFailureEnum('failure_reason'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    ...orgStamps(),
  },
  (t) => [
    check('orders_delivery_after_order', sql`${t.deliveryDate} >= ${t.orderDate}`),
    check(
      'orders_failure_reason_only_when_failed',
      sql`(${t.settlementStatus} = 'failed') = (${t.failureReason} is not null)`,
    ),
    index('orders_retailer_date_idx').on(t.retailerId, t.orderDate),
    index('orders_manager_date_idx').on(t.managerId, t.orderDate),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    orderNo: text('order_no')
      .notNull()
      .references(() => orders.orderNo, { onDelete: 'cascade' }),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    ordered: integer('ordered').notNull(),
    supplied: integer('supplied').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    orderDate: date('order_date').notNull(),
    deliveryDate: date('delivery_date').notNull(),
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orderNo, t.specId] }),
    check('order_lines_non_negative', sql`${t.ordered} >= 0 and ${t.supplied} >= 0 and ${t.amountFen} >= 0`),
    index('order_lines_retailer_spec_delivery_idx').on(t.retailerId, t.specId, t.deliveryDate),
    index('order_lines_manager_delivery_idx').on(t.managerId, t.deliveryDate),
  ],
);

export const orderFollowUps = pgTable(
  'order_follow_ups',
  {
    id: serial('id').primaryKey(),
    orderNo: text('order_no')
      .notNull()
      .references(() => orders.orderNo),
    outcome: followUpOutcomeEnum('outcome').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    ...orgStamps(),
  },
  (t) => [index('order_follow_ups_order_idx').on(t.orderNo)],
);

// ---------------------------------------------------------------- targets and agreements

export const targets = pgTable(
  'targets',
  {
    month: date('month').notNull(),
    qty: integer('qty').notNull(), // 条
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.managerId] }),
    check('targets_non_negative', sql`${t.qty} >= 0 and ${t.amountFen} >= 0`),
  ],
);

export const agreedVolumes = pgTable(
  'agreed_volumes',
  {
    month: date('month').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    qty: integer('qty').notNull(), // 条 per month
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.retailerId] }),
    check('agreed_volumes_non_negative', sql`${t.qty} >= 0`),
    // the targets dashboard's agreement progress, for a team or a whole branch
    index('agreed_volumes_team_month_idx').on(t.teamId, t.month),
    index('agreed_volumes_branch_month_idx').on(t.branchId, t.month),
  ],
);

// ---------------------------------------------------------------- reports, summaries, forecasts, briefings

export const dailyReports = pgTable(
  'daily_reports',
  {
    id: serial('id').primaryKey(),
    day: date('day').notNull(),
    status: reviewStatusEnum('status').notNull().default('draft'),
    computed: jsonb('computed').$type<Record<string, unknown>>(), // frozen at submission
    missedReasons: jsonb('missed_reasons').$type<Record<string, string>>().notNull().default({}),
    commonIssues: text('common_issues').notNull().default(''),
    gains: text('gains').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    late: boolean('late').notNull().default(false),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    ...orgStamps(),
  },
  (t) => [uniqueIndex('daily_reports_uq').on(t.managerId, t.day), index('daily_reports_team_day_idx').on(t.teamId, t.day)],
);

export const summaries = pgTable(
  'summaries',
  {
    id: serial('id').primaryKey(),
    kind: summaryKindEnum('kind').notNull(),
    periodStart: date('period_start').notNull(),
    status: reviewStatusEnum('status').notNull().default('draft'),
    computed: jsonb('computed').$type<Record<string, unknown>>(),
    analysis: text('analysis').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    late: boolean('late').notNull().default(false),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    ...orgStamps(),
  },
  (t) => [uniqueIndex('summaries_uq').on(t.managerId, t.kind, t.periodStart)],
);

// every submit / approve / return of a report, summary or plan: the history a reviewer sees
export const reviewEvents = pgTable(
  'review_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subject: text('subject').notNull(), // 'daily_report' | 'summary' | 'visit_plan'
    subjectId: integer('subject_id').notNull(),
    action: text('action').notNull(), // 'submitted' | 'approved' | 'returned'
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_events_subject_idx').on(t.subject, t.subjectId)],
);

export const forecasts = pgTable(
  'forecasts',
  {
    id: serial('id').primaryKey(),
    month: date('month').notNull(),
    kind: forecastKindEnum('kind').notNull(),
    priceClass: smallint('price_class'), // total forecasts: by price class
    retailerId: integer('retailer_id').references(() => retailers.id), // individual forecasts
    qty: integer('qty').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    ...orgStamps(),
  },
  (t) => [
    check('forecasts_qty_non_negative', sql`${t.qty} >= 0`),
    check(
      'forecasts_shape',
      sql`(${t.kind} = 'total' and ${t.priceClass} between 1 and 5 and ${t.retailerId} is null)
        or (${t.kind} = 'individual' and ${t.retailerId} is not null)`,
    ),
    index('forecasts_manager_month_idx').on(t.managerId, t.month),
  ],
);

export const collectionSheets = pgTable(
  'collection_sheets',
  {
    id: serial('id').primaryKey(),
    weekStart: date('week_start').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    createdAt: createdAt(),
    ...orgStamps(),
  },
  (t) => [uniqueIndex('collection_sheets_uq').on(t.retailerId, t.weekStart)],
);

export const collectionSheetLines = pgTable(
  'collection_sheet_lines',
  {
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => collectionSheets.id, { onDelete: 'cascade' }),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    purchases: integer('purchases').notNull(),
    sales: integer('sales').notNull(),
    stock: integer('stock').notNull(),
    priceFen: integer('price_fen').notNull(),
    stockOutDays: smallint('stock_out_days').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sheetId, t.specId] }),
    check(
      'collection_lines_non_negative',
      sql`${t.purchases} >= 0 and ${t.sales} >= 0 and ${t.stock} >= 0 and ${t.priceFen} >= 0 and ${t.stockOutDays} between 0 and 7`,
    ),
  ],
);

export const morningBriefings = pgTable(
  'morning_briefings',
  {
    id: serial('id').primaryKey(),
    day: date('day').notNull(),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    policies: text('policies').notNull().default(''),
    focus: text('focus').notNull().default(''),
    supplyLimits: text('supply_limits').notNull().default(''),
    issues: text('issues').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('morning_briefings_uq').on(t.teamId, t.day)],
);

// ---------------------------------------------------------------- settings, calendar, audit

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// the holiday calendar: weekends are rest days unless listed as 'workday' (调休)
export const calendarDays = pgTable('calendar_days', {
  day: date('day').primaryKey(),
  kind: calendarDayKindEnum('kind').notNull(),
  name: text('name').notNull(),
});

// One row per sign-in: the server's record of when a session began and when it was last used, so
// idle and absolute session limits (settings) hold although the JWT cookie is not re-issued by pages.
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    success: boolean('success').notNull().default(true),
    ip: text('ip'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('audit_log_action_user_at_idx').on(t.action, t.username, t.at),
    index('audit_log_action_ip_at_idx').on(t.action, t.ip, t.at),
    index('audit_log_at_brin').using('brin', t.at),
  ],
);

// ---------------------------------------------------------------- rollups (dashboards read only these)

// week and month × manager × spec
export const rollupManagerSpecPeriod = pgTable(
  'rollup_manager_spec_period',
  {
    periodKind: periodKindEnum('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    stockSum: bigint('stock_sum', { mode: 'number' }).notNull().default(0), // period stock summed over retailers
    stockRetailers: integer('stock_retailers').notNull().default(0),
    shelved: integer('shelved').notNull().default(0),
    eligible: integer('eligible').notNull().default(0),
    impliedSales: bigint('implied_sales', { mode: 'number' }).notNull().default(0),
    sellBase: bigint('sell_base', { mode: 'number' }).notNull().default(0),
    negativePairs: integer('negative_pairs').notNull().default(0), // visit pairs left out as data problems
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.periodKind, t.periodStart, t.managerId, t.specId] }),
    // with INCLUDE (manager, spec, the summed columns; the branch one also the team): migration 0008
    index('rollup_msp_team_idx').on(t.periodKind, t.teamId, t.periodStart),
    index('rollup_msp_branch_idx').on(t.periodKind, t.branchId, t.periodStart),
  ],
);

// week and month × manager × spec from the ordering system (kept apart from the visit-derived
// rollup above, so a visit never recomputes a month of orders)
export const rollupManagerSpecPeriodOrders = pgTable(
  'rollup_manager_spec_period_orders',
  {
    periodKind: periodKindEnum('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    purchases: bigint('purchases', { mode: 'number' }).notNull().default(0), // supplied 条, by delivery date
    purchasesFen: bigint('purchases_fen', { mode: 'number' }).notNull().default(0),
    ordered: bigint('ordered', { mode: 'number' }).notNull().default(0),
    quota: bigint('quota', { mode: 'number' }).notNull().default(0), // Σ weekly allocation over ordered lines
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.periodKind, t.periodStart, t.managerId, t.specId] }),
    // with INCLUDE (manager, spec, the summed columns; the branch one also the team): migration 0008
    index('rollup_mspo_team_idx').on(t.periodKind, t.teamId, t.periodStart),
    index('rollup_mspo_branch_idx').on(t.periodKind, t.branchId, t.periodStart),
  ],
);

// periods whose rollup rows are complete; later writes add each shop's share by difference
export const rollupPeriods = pgTable(
  'rollup_periods',
  {
    periodKind: periodKindEnum('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodKind, t.periodStart] })],
);

// day × retailer × spec, for drill-down
export const rollupRetailerSpecDay = pgTable(
  'rollup_retailer_spec_day',
  {
    day: date('day').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    stock: integer('stock'),
    onCounter: boolean('on_counter'),
    priceTagOk: boolean('price_tag_ok'),
    purchases: integer('purchases').notNull().default(0), // delivered since the previous visit
    impliedSales: integer('implied_sales'),
    sellBase: integer('sell_base'),
    negative: boolean('negative').notNull().default(false),
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.retailerId, t.specId] }),
    index('rollup_rsd_retailer_idx').on(t.retailerId, t.specId, t.day),
    index('rollup_rsd_manager_day_idx').on(t.managerId, t.day),
  ],
);

/** month × retailer: what was delivered to the shop in the month, summed over specs (agreement progress). */
export const rollupRetailerMonth = pgTable(
  'rollup_retailer_month',
  {
    month: date('month').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    supplied: integer('supplied').notNull(),
  },
  (t) => [primaryKey({ columns: [t.retailerId, t.month] })],
);

/**
 * The moving-sales rate's window: for each month, each shop × spec that ordered in it or in the
 * 3 months before, once per org stamp of those months' rows, with whether that stamp ordered
 * before the month and in it. `stamps` counts the shop × spec's stamps in the window: with one,
 * the row alone answers; with several (a reassigned shop) the reader groups them.
 */
export const rollupRetailerSpecMoving = pgTable(
  'rollup_retailer_spec_moving',
  {
    month: date('month').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    before: boolean('before').notNull(),
    now: boolean('now').notNull(),
    stamps: integer('stamps').notNull(),
    ...orgStamps(),
  },
  (t) => [
    index('rollup_rsmv_retailer_idx').on(t.retailerId, t.month),
    index('rollup_rsmv_branch_idx').on(t.month, t.branchId),
    index('rollup_rsmv_team_idx').on(t.month, t.teamId),
    index('rollup_rsmv_manager_idx').on(t.month, t.managerId),
  ],
);

/**
 * retailer × day, summed over specs from the spec grain (same org stamps): the implied sales the
 * inventory risk table sums over 28 days for every shop in view, without reading each spec's row.
 */
export const rollupRetailerDay = pgTable(
  'rollup_retailer_day',
  {
    day: date('day').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    impliedSales: integer('implied_sales').notNull(),
    ...orgStamps(),
  },
  // rollup_rd_manager_day_idx also INCLUDEs (retailer_id, implied_sales): migration 0008
  (t) => [index('rollup_rd_retailer_idx').on(t.retailerId, t.day), index('rollup_rd_manager_day_idx').on(t.managerId, t.day)],
);

// day × manager, for visit compliance
export const rollupManagerDay = pgTable(
  'rollup_manager_day',
  {
    day: date('day').notNull(),
    area: areaEnum('area'),
    planned: integer('planned').notNull().default(0),
    made: integer('made').notNull().default(0),
    plannedMade: integer('planned_made').notNull().default(0),
    missed: integer('missed').notNull().default(0),
    offPlan: integer('off_plan').notNull().default(0),
    short: integer('short').notNull().default(0),
    firstStart: timestamp('first_start', { withTimezone: true }),
    lastEnd: timestamp('last_end', { withTimezone: true }),
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.managerId] }),
    index('rollup_md_team_day_idx').on(t.teamId, t.day),
    index('rollup_md_branch_day_idx').on(t.branchId, t.day),
  ],
);

// week × team × complaint category
export const rollupTeamComplaintWeek = pgTable(
  'rollup_team_complaint_week',
  {
    weekStart: date('week_start').notNull(),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    category: text('category')
      .notNull()
      .references(() => complaintCategories.code),
    opened: integer('opened').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    resolvedOnTime: integer('resolved_on_time').notNull().default(0),
    followedUp: integer('followed_up').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.weekStart, t.teamId, t.category] })],
);

// week and month × manager: retailers with a period stock (the denominator of average stock per shop)
export const rollupManagerPeriod = pgTable(
  'rollup_manager_period',
  {
    periodKind: periodKindEnum('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    stockRetailers: integer('stock_retailers').notNull().default(0),
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.periodKind, t.periodStart, t.managerId] }),
    index('rollup_mp_team_idx').on(t.periodKind, t.teamId, t.periodStart),
    index('rollup_mp_branch_idx').on(t.periodKind, t.branchId, t.periodStart),
  ],
);

// month × retailer × spec from the ordering system: agreement progress, moving-sales rate
export const rollupRetailerSpecMonth = pgTable(
  'rollup_retailer_spec_month',
  {
    month: date('month').notNull(),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    ordered: integer('ordered').notNull().default(0),
    supplied: integer('supplied').notNull().default(0),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    ...orgStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.retailerId, t.specId] }),
    index('rollup_rsm_team_idx').on(t.teamId, t.month),
    // a branch head's moving-sales rate reads a branch's months (a scan of the whole table without it)
    index('rollup_rsm_branch_idx').on(t.branchId, t.month),
    index('rollup_rsm_manager_idx').on(t.managerId, t.month),
  ],
);

// latest known state per retailer × spec, for the as-of metrics
export const latestRetailerSpec = pgTable(
  'latest_retailer_spec',
  {
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    specId: integer('spec_id')
      .notNull()
      .references(() => specs.id),
    visitId: uuid('visit_id').notNull(),
    stock: integer('stock').notNull(),
    onCounter: boolean('on_counter').notNull(),
    priceTagOk: boolean('price_tag_ok').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    ...orgStamps(),
  },
  (t) => [primaryKey({ columns: [t.retailerId, t.specId] }), index('latest_rs_manager_idx').on(t.managerId)],
);

/**
 * latest_retailer_spec summed per shop and the (local) day its lines were seen, with their org
 * stamps: "stock now" for every shop in view (lines at most 35 days old) without one row per spec.
 */
export const latestRetailerStockDay = pgTable(
  'latest_retailer_stock_day',
  {
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    day: date('day').notNull(),
    stock: integer('stock').notNull(),
    ...orgStamps(),
  },
  // latest_rsd_manager_idx also INCLUDEs (retailer_id, stock): migration 0008
  (t) => [index('latest_rsd_retailer_idx').on(t.retailerId), index('latest_rsd_manager_idx').on(t.managerId, t.day)],
);

// ---------------------------------------------------------------- relations

export const teamsRelations = relations(teams, ({ one, many }) => ({
  branch: one(branches, { fields: [teams.branchId], references: [branches.id] }),
  users: many(users),
}));

export const usersRelations = relations(users, ({ one }) => ({
  branch: one(branches, { fields: [users.branchId], references: [branches.id] }),
  team: one(teams, { fields: [users.teamId], references: [teams.id] }),
}));

export const retailersRelations = relations(retailers, ({ one, many }) => ({
  route: one(routes, { fields: [retailers.routeId], references: [routes.id] }),
  manager: one(users, { fields: [retailers.managerId], references: [users.id] }),
  visits: many(visits),
}));

export const visitsRelations = relations(visits, ({ one, many }) => ({
  retailer: one(retailers, { fields: [visits.retailerId], references: [retailers.id] }),
  stockLines: many(visitStockLines),
  orderLines: many(visitOrderLines),
  infoItems: many(visitInfoItems),
}));

export const visitStockLinesRelations = relations(visitStockLines, ({ one }) => ({
  visit: one(visits, { fields: [visitStockLines.visitId], references: [visits.id] }),
  spec: one(specs, { fields: [visitStockLines.specId], references: [specs.id] }),
}));

export const visitOrderLinesRelations = relations(visitOrderLines, ({ one }) => ({
  visit: one(visits, { fields: [visitOrderLines.visitId], references: [visits.id] }),
}));

export const visitInfoItemsRelations = relations(visitInfoItems, ({ one }) => ({
  visit: one(visits, { fields: [visitInfoItems.visitId], references: [visits.id] }),
}));

export const complaintsRelations = relations(complaints, ({ many, one }) => ({
  events: many(complaintEvents),
  retailer: one(retailers, { fields: [complaints.retailerId], references: [retailers.id] }),
}));

export const complaintEventsRelations = relations(complaintEvents, ({ one }) => ({
  complaint: one(complaints, { fields: [complaintEvents.complaintId], references: [complaints.id] }),
}));

// ---------------------------------------------------------------- types

export type Role = (typeof roleEnum.enumValues)[number];
export type Area = (typeof areaEnum.enumValues)[number];
export type RetailFormat = (typeof retailFormatEnum.enumValues)[number];
export type Branch = typeof branches.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Route = typeof routes.$inferSelect;
export type Retailer = typeof retailers.$inferSelect;
export type NewRetailer = typeof retailers.$inferInsert;
export type Spec = typeof specs.$inferSelect;
export type Visit = typeof visits.$inferSelect;
export type NewVisit = typeof visits.$inferInsert;
export type VisitStockLine = typeof visitStockLines.$inferSelect;
export type Complaint = typeof complaints.$inferSelect;
export type ComplaintEvent = typeof complaintEvents.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
