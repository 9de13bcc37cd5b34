CREATE TYPE "public"."area" AS ENUM('city', 'rural');--> statement-breakpoint
CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'workday');--> statement-breakpoint
CREATE TYPE "public"."complaint_event_kind" AS ENUM('received', 'assigned', 'investigating', 'resolved', 'replied', 'follow_up', 'closed', 'reopened', 'escalated', 'note');--> statement-breakpoint
CREATE TYPE "public"."complaint_source" AS ENUM('visit', 'hotline', 'walk_in', 'opinion_book');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('received', 'assigned', 'investigating', 'resolved', 'replied', 'closed');--> statement-breakpoint
CREATE TYPE "public"."customer_group" AS ENUM('high_fluctuation', 'enterprise', 'general');--> statement-breakpoint
CREATE TYPE "public"."follow_up_outcome" AS ENUM('reached', 'not_reached', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."forecast_kind" AS ENUM('total', 'individual');--> statement-breakpoint
CREATE TYPE "public"."info_kind" AS ENUM('monopoly', 'market', 'retailer_change', 'service_feedback');--> statement-breakpoint
CREATE TYPE "public"."missed_reason" AS ENUM('closed', 'owner_absent', 'relocated', 'other');--> statement-breakpoint
CREATE TYPE "public"."opinion_kind" AS ENUM('opinion', 'suggestion', 'complaint');--> statement-breakpoint
CREATE TYPE "public"."period_kind" AS ENUM('week', 'month');--> statement-breakpoint
CREATE TYPE "public"."retail_format" AS ENUM('grocery', 'convenience', 'supermarket', 'mall', 'tobacco_liquor', 'entertainment', 'other');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('manager', 'supervisor', 'branch_head', 'admin');--> statement-breakpoint
CREATE TYPE "public"."settlement_failure" AS ENUM('insufficient_balance', 'outside_window', 'quantity_rule', 'other');--> statement-breakpoint
CREATE TYPE "public"."settlement_status" AS ENUM('success', 'failed', 'not_e_settlement');--> statement-breakpoint
CREATE TYPE "public"."shop_size" AS ENUM('large', 'medium', 'small');--> statement-breakpoint
CREATE TYPE "public"."summary_kind" AS ENUM('weekly', 'monthly');--> statement-breakpoint
CREATE TABLE "agreed_volumes" (
	"month" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"qty" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "agreed_volumes_month_retailer_id_pk" PRIMARY KEY("month","retailer_id"),
	CONSTRAINT "agreed_volumes_non_negative" CHECK ("agreed_volumes"."qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"entity" text,
	"entity_id" text,
	"success" boolean DEFAULT true NOT NULL,
	"ip" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "branches" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "branches_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_sheet_lines" (
	"sheet_id" integer NOT NULL,
	"spec_id" integer NOT NULL,
	"purchases" integer NOT NULL,
	"sales" integer NOT NULL,
	"stock" integer NOT NULL,
	"price_fen" integer NOT NULL,
	"stock_out_days" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "collection_sheet_lines_sheet_id_spec_id_pk" PRIMARY KEY("sheet_id","spec_id"),
	CONSTRAINT "collection_lines_non_negative" CHECK ("collection_sheet_lines"."purchases" >= 0 and "collection_sheet_lines"."sales" >= 0 and "collection_sheet_lines"."stock" >= 0 and "collection_sheet_lines"."price_fen" >= 0 and "collection_sheet_lines"."stock_out_days" between 0 and 7)
);
--> statement-breakpoint
CREATE TABLE "collection_sheets" (
	"id" serial PRIMARY KEY NOT NULL,
	"week_start" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"kind" "complaint_event_kind" NOT NULL,
	"actor_id" integer,
	"to_user_id" integer,
	"satisfied" boolean,
	"escalation_level" smallint,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"retailer_id" integer NOT NULL,
	"source" "complaint_source" NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"contact" text,
	"visit_id" uuid,
	"opinion_entry_id" integer,
	"status" "complaint_status" DEFAULT 'received' NOT NULL,
	"assignee_id" integer,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"ack_due_at" timestamp with time zone NOT NULL,
	"resolve_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"satisfied" boolean,
	"created_by" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "complaints_number_unique" UNIQUE("number"),
	CONSTRAINT "complaints_escalation_range" CHECK ("complaints"."escalation_level" between 0 and 2)
);
--> statement-breakpoint
CREATE TABLE "customer_group_assignments" (
	"month" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"group" "customer_group" NOT NULL,
	"is_key_customer" boolean NOT NULL,
	"weekly_cv_permille" integer,
	"override_reason" text,
	"overridden_by" integer,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "customer_group_assignments_month_retailer_id_pk" PRIMARY KEY("month","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "daily_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"computed" jsonb,
	"missed_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"common_issues" text DEFAULT '' NOT NULL,
	"gains" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "day_schedule_orders" (
	"day" date NOT NULL,
	"retailer_ids" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "day_schedule_orders_manager_id_day_pk" PRIMARY KEY("manager_id","day")
);
--> statement-breakpoint
CREATE TABLE "forecasts" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" date NOT NULL,
	"kind" "forecast_kind" NOT NULL,
	"price_class" smallint,
	"retailer_id" integer,
	"qty" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "forecasts_qty_non_negative" CHECK ("forecasts"."qty" >= 0),
	CONSTRAINT "forecasts_shape" CHECK (("forecasts"."kind" = 'total' and "forecasts"."price_class" between 1 and 5 and "forecasts"."retailer_id" is null)
        or ("forecasts"."kind" = 'individual' and "forecasts"."retailer_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "key_brand_list_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"list_id" integer NOT NULL,
	"spec_id" integer NOT NULL,
	"grade_min" smallint DEFAULT 1 NOT NULL,
	"grade_max" smallint DEFAULT 30 NOT NULL,
	"area" "area",
	CONSTRAINT "key_brand_grade_range" CHECK ("key_brand_list_items"."grade_min" between 1 and 30 and "key_brand_list_items"."grade_max" between "key_brand_list_items"."grade_min" and 30)
);
--> statement-breakpoint
CREATE TABLE "key_brand_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_brand_lists_month_unique" UNIQUE("month")
);
--> statement-breakpoint
CREATE TABLE "latest_retailer_spec" (
	"retailer_id" integer NOT NULL,
	"spec_id" integer NOT NULL,
	"visit_id" uuid NOT NULL,
	"stock" integer NOT NULL,
	"on_counter" boolean NOT NULL,
	"price_tag_ok" boolean NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "latest_retailer_spec_retailer_id_spec_id_pk" PRIMARY KEY("retailer_id","spec_id")
);
--> statement-breakpoint
CREATE TABLE "missed_visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"reason" "missed_reason" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "morning_briefings" (
	"id" serial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"policies" text DEFAULT '' NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"supply_limits" text DEFAULT '' NOT NULL,
	"issues" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"retailer_id" integer NOT NULL,
	"kind" "opinion_kind" NOT NULL,
	"category" text NOT NULL,
	"content" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"reply_due_at" timestamp with time zone NOT NULL,
	"reply" text,
	"replied_by" integer,
	"replied_at" timestamp with time zone,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_summaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" date NOT NULL,
	"counts_by_category" jsonb NOT NULL,
	"suggestions" text NOT NULL,
	"sent_at" timestamp with time zone,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"outcome" "follow_up_outcome" NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"order_no" text NOT NULL,
	"spec_id" integer NOT NULL,
	"ordered" integer NOT NULL,
	"supplied" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"retailer_id" integer NOT NULL,
	"order_date" date NOT NULL,
	"delivery_date" date NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "order_lines_order_no_spec_id_pk" PRIMARY KEY("order_no","spec_id"),
	CONSTRAINT "order_lines_non_negative" CHECK ("order_lines"."ordered" >= 0 and "order_lines"."supplied" >= 0 and "order_lines"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"order_no" text PRIMARY KEY NOT NULL,
	"retailer_id" integer NOT NULL,
	"order_date" date NOT NULL,
	"delivery_date" date NOT NULL,
	"settlement_status" "settlement_status" NOT NULL,
	"failure_reason" "settlement_failure",
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "orders_delivery_after_order" CHECK ("orders"."delivery_date" >= "orders"."order_date"),
	CONSTRAINT "orders_failure_reason_only_when_failed" CHECK (("orders"."settlement_status" = 'failed') = ("orders"."failure_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" integer NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retailers" (
	"id" serial PRIMARY KEY NOT NULL,
	"licence_no" text NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"phone" text NOT NULL,
	"address" text NOT NULL,
	"area" "area" NOT NULL,
	"format" "retail_format" NOT NULL,
	"size" "shop_size" NOT NULL,
	"grade" smallint NOT NULL,
	"route_id" integer NOT NULL,
	"route_seq" integer DEFAULT 0 NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	"is_key_customer" boolean DEFAULT false NOT NULL,
	"is_enterprise" boolean DEFAULT false NOT NULL,
	"is_collection_point" boolean DEFAULT false NOT NULL,
	"is_e_settlement" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retailers_licence_no_unique" UNIQUE("licence_no"),
	CONSTRAINT "retailers_grade_range" CHECK ("retailers"."grade" between 1 and 30),
	CONSTRAINT "retailers_licence_format" CHECK ("retailers"."licence_no" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "review_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"subject_id" integer NOT NULL,
	"action" text NOT NULL,
	"actor_id" integer NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_manager_day" (
	"day" date NOT NULL,
	"area" "area",
	"planned" integer DEFAULT 0 NOT NULL,
	"made" integer DEFAULT 0 NOT NULL,
	"planned_made" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"off_plan" integer DEFAULT 0 NOT NULL,
	"short" integer DEFAULT 0 NOT NULL,
	"first_start" timestamp with time zone,
	"last_end" timestamp with time zone,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "rollup_manager_day_day_manager_id_pk" PRIMARY KEY("day","manager_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_manager_period" (
	"period_kind" "period_kind" NOT NULL,
	"period_start" date NOT NULL,
	"stock_retailers" integer DEFAULT 0 NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "rollup_manager_period_period_kind_period_start_manager_id_pk" PRIMARY KEY("period_kind","period_start","manager_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_manager_spec_period" (
	"period_kind" "period_kind" NOT NULL,
	"period_start" date NOT NULL,
	"spec_id" integer NOT NULL,
	"stock_sum" bigint DEFAULT 0 NOT NULL,
	"stock_retailers" integer DEFAULT 0 NOT NULL,
	"shelved" integer DEFAULT 0 NOT NULL,
	"eligible" integer DEFAULT 0 NOT NULL,
	"implied_sales" bigint DEFAULT 0 NOT NULL,
	"sell_base" bigint DEFAULT 0 NOT NULL,
	"negative_pairs" integer DEFAULT 0 NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "rollup_manager_spec_period_period_kind_period_start_manager_id_spec_id_pk" PRIMARY KEY("period_kind","period_start","manager_id","spec_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_manager_spec_period_orders" (
	"period_kind" "period_kind" NOT NULL,
	"period_start" date NOT NULL,
	"spec_id" integer NOT NULL,
	"purchases" bigint DEFAULT 0 NOT NULL,
	"purchases_fen" bigint DEFAULT 0 NOT NULL,
	"ordered" bigint DEFAULT 0 NOT NULL,
	"quota" bigint DEFAULT 0 NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "rollup_manager_spec_period_orders_period_kind_period_start_manager_id_spec_id_pk" PRIMARY KEY("period_kind","period_start","manager_id","spec_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_periods" (
	"period_kind" "period_kind" NOT NULL,
	"period_start" date NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_periods_period_kind_period_start_pk" PRIMARY KEY("period_kind","period_start")
);
--> statement-breakpoint
CREATE TABLE "rollup_retailer_spec_day" (
	"day" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"spec_id" integer NOT NULL,
	"stock" integer,
	"on_counter" boolean,
	"price_tag_ok" boolean,
	"purchases" integer DEFAULT 0 NOT NULL,
	"implied_sales" integer,
	"sell_base" integer,
	"negative" boolean DEFAULT false NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "rollup_retailer_spec_day_day_retailer_id_spec_id_pk" PRIMARY KEY("day","retailer_id","spec_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_retailer_spec_month" (
	"month" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"spec_id" integer NOT NULL,
	"ordered" integer DEFAULT 0 NOT NULL,
	"supplied" integer DEFAULT 0 NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "rollup_retailer_spec_month_month_retailer_id_spec_id_pk" PRIMARY KEY("month","retailer_id","spec_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_team_complaint_week" (
	"week_start" date NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"category" text NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"followed_up" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_team_complaint_week_week_start_team_id_category_pk" PRIMARY KEY("week_start","team_id","category")
);
--> statement-breakpoint
CREATE TABLE "routes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"area" "area" NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "specs" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"brand" text NOT NULL,
	"name" text NOT NULL,
	"price_class" smallint NOT NULL,
	"wholesale_fen" integer NOT NULL,
	"retail_fen" integer NOT NULL,
	"packs_per_carton" smallint DEFAULT 10 NOT NULL,
	"sticks_per_pack" smallint DEFAULT 20 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specs_code_unique" UNIQUE("code"),
	CONSTRAINT "specs_price_class" CHECK ("specs"."price_class" between 1 and 5),
	CONSTRAINT "specs_prices_positive" CHECK ("specs"."wholesale_fen" > 0 and "specs"."retail_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "summaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "summary_kind" NOT NULL,
	"period_start" date NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"computed" jsonb,
	"analysis" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_allocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" date NOT NULL,
	"spec_id" integer NOT NULL,
	"grade_min" smallint NOT NULL,
	"grade_max" smallint NOT NULL,
	"max_per_week" integer NOT NULL,
	CONSTRAINT "supply_alloc_grade_range" CHECK ("supply_allocations"."grade_min" between 1 and 30 and "supply_allocations"."grade_max" between "supply_allocations"."grade_min" and 30),
	CONSTRAINT "supply_alloc_non_negative" CHECK ("supply_allocations"."max_per_week" >= 0)
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"month" date NOT NULL,
	"qty" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "targets_month_manager_id_pk" PRIMARY KEY("month","manager_id"),
	CONSTRAINT "targets_non_negative" CHECK ("targets"."qty" >= 0 and "targets"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"branch_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"branch_id" integer,
	"team_id" integer,
	"phone" text,
	"password_hash" text NOT NULL,
	"token_version" integer DEFAULT 1 NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_org_by_role" CHECK (("users"."role" in ('manager','supervisor') and "users"."team_id" is not null and "users"."branch_id" is not null)
        or ("users"."role" = 'branch_head' and "users"."branch_id" is not null)
        or "users"."role" = 'admin')
);
--> statement-breakpoint
CREATE TABLE "visit_info_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" "info_kind" NOT NULL,
	"note" text NOT NULL,
	"retailer_id" integer NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_order_lines" (
	"visit_id" uuid NOT NULL,
	"spec_id" integer NOT NULL,
	"qty" integer NOT NULL,
	"over_limit" boolean DEFAULT false NOT NULL,
	"retailer_id" integer NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "visit_order_lines_visit_id_spec_id_pk" PRIMARY KEY("visit_id","spec_id"),
	CONSTRAINT "order_lines_qty_non_negative" CHECK ("visit_order_lines"."qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "visit_plan_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"day" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" date NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_stock_lines" (
	"visit_id" uuid NOT NULL,
	"spec_id" integer NOT NULL,
	"stock" integer NOT NULL,
	"on_counter" boolean NOT NULL,
	"price_tag_ok" boolean NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"retailer_id" integer NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"visit_date" date NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "visit_stock_lines_visit_id_spec_id_pk" PRIMARY KEY("visit_id","spec_id"),
	CONSTRAINT "stock_lines_non_negative" CHECK ("visit_stock_lines"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"retailer_id" integer NOT NULL,
	"route_id" integer NOT NULL,
	"area" "area" NOT NULL,
	"plan_item_id" bigint,
	"off_plan" boolean DEFAULT false NOT NULL,
	"visit_date" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"clock_offset_ms" integer DEFAULT 0 NOT NULL,
	"duration_sec" integer NOT NULL,
	"short" boolean DEFAULT false NOT NULL,
	"sections" jsonb NOT NULL,
	"illegal_found" boolean DEFAULT false NOT NULL,
	"illegal_note" text,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	CONSTRAINT "visits_end_after_start" CHECK ("visits"."ended_at" >= "visits"."started_at"),
	CONSTRAINT "visits_duration_non_negative" CHECK ("visits"."duration_sec" >= 0)
);
--> statement-breakpoint
ALTER TABLE "agreed_volumes" ADD CONSTRAINT "agreed_volumes_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_volumes" ADD CONSTRAINT "agreed_volumes_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_volumes" ADD CONSTRAINT "agreed_volumes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_volumes" ADD CONSTRAINT "agreed_volumes_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_sheet_lines" ADD CONSTRAINT "collection_sheet_lines_sheet_id_collection_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."collection_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_sheet_lines" ADD CONSTRAINT "collection_sheet_lines_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_sheets" ADD CONSTRAINT "collection_sheets_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_sheets" ADD CONSTRAINT "collection_sheets_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_sheets" ADD CONSTRAINT "collection_sheets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_sheets" ADD CONSTRAINT "collection_sheets_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_complaint_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."complaint_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_opinion_entry_id_opinion_entries_id_fk" FOREIGN KEY ("opinion_entry_id") REFERENCES "public"."opinion_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_assignments" ADD CONSTRAINT "customer_group_assignments_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_assignments" ADD CONSTRAINT "customer_group_assignments_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_assignments" ADD CONSTRAINT "customer_group_assignments_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_assignments" ADD CONSTRAINT "customer_group_assignments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_assignments" ADD CONSTRAINT "customer_group_assignments_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_schedule_orders" ADD CONSTRAINT "day_schedule_orders_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_schedule_orders" ADD CONSTRAINT "day_schedule_orders_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_schedule_orders" ADD CONSTRAINT "day_schedule_orders_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_brand_list_items" ADD CONSTRAINT "key_brand_list_items_list_id_key_brand_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."key_brand_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_brand_list_items" ADD CONSTRAINT "key_brand_list_items_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_spec" ADD CONSTRAINT "latest_retailer_spec_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_spec" ADD CONSTRAINT "latest_retailer_spec_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_spec" ADD CONSTRAINT "latest_retailer_spec_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_spec" ADD CONSTRAINT "latest_retailer_spec_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_spec" ADD CONSTRAINT "latest_retailer_spec_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missed_visits" ADD CONSTRAINT "missed_visits_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missed_visits" ADD CONSTRAINT "missed_visits_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missed_visits" ADD CONSTRAINT "missed_visits_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missed_visits" ADD CONSTRAINT "missed_visits_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "morning_briefings" ADD CONSTRAINT "morning_briefings_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "morning_briefings" ADD CONSTRAINT "morning_briefings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "morning_briefings" ADD CONSTRAINT "morning_briefings_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_entries" ADD CONSTRAINT "opinion_entries_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_entries" ADD CONSTRAINT "opinion_entries_category_complaint_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."complaint_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_entries" ADD CONSTRAINT "opinion_entries_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_entries" ADD CONSTRAINT "opinion_entries_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_entries" ADD CONSTRAINT "opinion_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_entries" ADD CONSTRAINT "opinion_entries_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_summaries" ADD CONSTRAINT "opinion_summaries_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_summaries" ADD CONSTRAINT "opinion_summaries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_summaries" ADD CONSTRAINT "opinion_summaries_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_follow_ups" ADD CONSTRAINT "order_follow_ups_order_no_orders_order_no_fk" FOREIGN KEY ("order_no") REFERENCES "public"."orders"("order_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_follow_ups" ADD CONSTRAINT "order_follow_ups_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_follow_ups" ADD CONSTRAINT "order_follow_ups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_follow_ups" ADD CONSTRAINT "order_follow_ups_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_no_orders_order_no_fk" FOREIGN KEY ("order_no") REFERENCES "public"."orders"("order_no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailers" ADD CONSTRAINT "retailers_route_id_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailers" ADD CONSTRAINT "retailers_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailers" ADD CONSTRAINT "retailers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailers" ADD CONSTRAINT "retailers_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_day" ADD CONSTRAINT "rollup_manager_day_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_day" ADD CONSTRAINT "rollup_manager_day_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_day" ADD CONSTRAINT "rollup_manager_day_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_period" ADD CONSTRAINT "rollup_manager_period_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_period" ADD CONSTRAINT "rollup_manager_period_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_period" ADD CONSTRAINT "rollup_manager_period_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period" ADD CONSTRAINT "rollup_manager_spec_period_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period" ADD CONSTRAINT "rollup_manager_spec_period_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period" ADD CONSTRAINT "rollup_manager_spec_period_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period" ADD CONSTRAINT "rollup_manager_spec_period_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period_orders" ADD CONSTRAINT "rollup_manager_spec_period_orders_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period_orders" ADD CONSTRAINT "rollup_manager_spec_period_orders_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period_orders" ADD CONSTRAINT "rollup_manager_spec_period_orders_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_manager_spec_period_orders" ADD CONSTRAINT "rollup_manager_spec_period_orders_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_day" ADD CONSTRAINT "rollup_retailer_spec_day_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_day" ADD CONSTRAINT "rollup_retailer_spec_day_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_day" ADD CONSTRAINT "rollup_retailer_spec_day_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_day" ADD CONSTRAINT "rollup_retailer_spec_day_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_day" ADD CONSTRAINT "rollup_retailer_spec_day_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_month" ADD CONSTRAINT "rollup_retailer_spec_month_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_month" ADD CONSTRAINT "rollup_retailer_spec_month_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_month" ADD CONSTRAINT "rollup_retailer_spec_month_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_month" ADD CONSTRAINT "rollup_retailer_spec_month_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_month" ADD CONSTRAINT "rollup_retailer_spec_month_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_team_complaint_week" ADD CONSTRAINT "rollup_team_complaint_week_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_team_complaint_week" ADD CONSTRAINT "rollup_team_complaint_week_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_team_complaint_week" ADD CONSTRAINT "rollup_team_complaint_week_category_complaint_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."complaint_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routes" ADD CONSTRAINT "routes_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routes" ADD CONSTRAINT "routes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routes" ADD CONSTRAINT "routes_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_allocations" ADD CONSTRAINT "supply_allocations_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_info_items" ADD CONSTRAINT "visit_info_items_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_info_items" ADD CONSTRAINT "visit_info_items_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_info_items" ADD CONSTRAINT "visit_info_items_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_info_items" ADD CONSTRAINT "visit_info_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_info_items" ADD CONSTRAINT "visit_info_items_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_order_lines" ADD CONSTRAINT "visit_order_lines_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_order_lines" ADD CONSTRAINT "visit_order_lines_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_order_lines" ADD CONSTRAINT "visit_order_lines_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_order_lines" ADD CONSTRAINT "visit_order_lines_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_order_lines" ADD CONSTRAINT "visit_order_lines_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_order_lines" ADD CONSTRAINT "visit_order_lines_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_plan_id_visit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."visit_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_stock_lines" ADD CONSTRAINT "visit_stock_lines_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_stock_lines" ADD CONSTRAINT "visit_stock_lines_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_stock_lines" ADD CONSTRAINT "visit_stock_lines_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_stock_lines" ADD CONSTRAINT "visit_stock_lines_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_stock_lines" ADD CONSTRAINT "visit_stock_lines_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_stock_lines" ADD CONSTRAINT "visit_stock_lines_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_route_id_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_plan_item_id_visit_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."visit_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_action_user_at_idx" ON "audit_log" USING btree ("action","username","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_ip_at_idx" ON "audit_log" USING btree ("action","ip","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_brin" ON "audit_log" USING brin ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_sheets_uq" ON "collection_sheets" USING btree ("retailer_id","week_start");--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_events_escalation_uq" ON "complaint_events" USING btree ("complaint_id","escalation_level") WHERE "complaint_events"."kind" = 'escalated';--> statement-breakpoint
CREATE INDEX "complaints_team_status_idx" ON "complaints" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "complaints_manager_idx" ON "complaints" USING btree ("manager_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_retailer_idx" ON "complaints" USING btree ("retailer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_reports_uq" ON "daily_reports" USING btree ("manager_id","day");--> statement-breakpoint
CREATE INDEX "daily_reports_team_day_idx" ON "daily_reports" USING btree ("team_id","day");--> statement-breakpoint
CREATE INDEX "forecasts_manager_month_idx" ON "forecasts" USING btree ("manager_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "key_brand_list_items_uq" ON "key_brand_list_items" USING btree ("list_id","spec_id");--> statement-breakpoint
CREATE INDEX "latest_rs_manager_idx" ON "latest_retailer_spec" USING btree ("manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "missed_visits_uq" ON "missed_visits" USING btree ("manager_id","day","retailer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "morning_briefings_uq" ON "morning_briefings" USING btree ("team_id","day");--> statement-breakpoint
CREATE INDEX "opinion_entries_manager_idx" ON "opinion_entries" USING btree ("manager_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_summaries_uq" ON "opinion_summaries" USING btree ("manager_id","month");--> statement-breakpoint
CREATE INDEX "order_follow_ups_order_idx" ON "order_follow_ups" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "order_lines_retailer_spec_delivery_idx" ON "order_lines" USING btree ("retailer_id","spec_id","delivery_date");--> statement-breakpoint
CREATE INDEX "order_lines_manager_delivery_idx" ON "order_lines" USING btree ("manager_id","delivery_date");--> statement-breakpoint
CREATE INDEX "orders_retailer_date_idx" ON "orders" USING btree ("retailer_id","order_date");--> statement-breakpoint
CREATE INDEX "orders_manager_date_idx" ON "orders" USING btree ("manager_id","order_date");--> statement-breakpoint
CREATE INDEX "retailers_manager_idx" ON "retailers" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "retailers_team_idx" ON "retailers" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "retailers_route_idx" ON "retailers" USING btree ("route_id","route_seq");--> statement-breakpoint
CREATE INDEX "review_events_subject_idx" ON "review_events" USING btree ("subject","subject_id");--> statement-breakpoint
CREATE INDEX "rollup_md_team_day_idx" ON "rollup_manager_day" USING btree ("team_id","day");--> statement-breakpoint
CREATE INDEX "rollup_mp_team_idx" ON "rollup_manager_period" USING btree ("period_kind","team_id","period_start");--> statement-breakpoint
CREATE INDEX "rollup_msp_team_idx" ON "rollup_manager_spec_period" USING btree ("period_kind","team_id","period_start");--> statement-breakpoint
CREATE INDEX "rollup_mspo_team_idx" ON "rollup_manager_spec_period_orders" USING btree ("period_kind","team_id","period_start");--> statement-breakpoint
CREATE INDEX "rollup_rsd_retailer_idx" ON "rollup_retailer_spec_day" USING btree ("retailer_id","spec_id","day");--> statement-breakpoint
CREATE INDEX "rollup_rsd_manager_day_idx" ON "rollup_retailer_spec_day" USING btree ("manager_id","day");--> statement-breakpoint
CREATE INDEX "rollup_rsm_team_idx" ON "rollup_retailer_spec_month" USING btree ("team_id","month");--> statement-breakpoint
CREATE INDEX "rollup_rsm_manager_idx" ON "rollup_retailer_spec_month" USING btree ("manager_id","month");--> statement-breakpoint
CREATE INDEX "routes_manager_idx" ON "routes" USING btree ("manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "summaries_uq" ON "summaries" USING btree ("manager_id","kind","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_allocations_uq" ON "supply_allocations" USING btree ("month","spec_id","grade_min");--> statement-breakpoint
CREATE INDEX "teams_branch_idx" ON "teams" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "users_team_idx" ON "users" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "users_branch_idx" ON "users" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "visit_info_items_visit_idx" ON "visit_info_items" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plan_items_uq" ON "visit_plan_items" USING btree ("plan_id","day","retailer_id");--> statement-breakpoint
CREATE INDEX "visit_plan_items_manager_day_idx" ON "visit_plan_items" USING btree ("manager_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plans_manager_month_uq" ON "visit_plans" USING btree ("manager_id","month");--> statement-breakpoint
CREATE INDEX "stock_lines_retailer_spec_time_idx" ON "visit_stock_lines" USING btree ("retailer_id","spec_id","visited_at");--> statement-breakpoint
CREATE INDEX "stock_lines_visited_brin" ON "visit_stock_lines" USING brin ("visited_at");--> statement-breakpoint
CREATE INDEX "visits_manager_date_idx" ON "visits" USING btree ("manager_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_retailer_time_idx" ON "visits" USING btree ("retailer_id","started_at");--> statement-breakpoint
CREATE INDEX "visits_team_date_idx" ON "visits" USING btree ("team_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_started_brin" ON "visits" USING brin ("started_at");