-- The dashboards sum rollup rows that lie scattered over the heap (they are written as visits and
-- orders arrive), so a bitmap scan visited about one page per row: a team's eight weeks of
-- manager × spec rows touched some 1,300 pages. With the summed columns in the index the read
-- takes the index alone (measured at city scale: a team's weekly sums by price class 7 ms → 2 ms).
-- drizzle's index builder has no INCLUDE, so the schema names the same keys; each index here
-- replaces the one of the same name.

-- the inventory risk table: stock now and 28 days' implied sales per shop of the managers in view
DROP INDEX IF EXISTS "rollup_rd_manager_day_idx";--> statement-breakpoint
CREATE INDEX "rollup_rd_manager_day_idx" ON "rollup_retailer_day" USING btree ("manager_id","day") INCLUDE ("retailer_id","implied_sales");--> statement-breakpoint
DROP INDEX IF EXISTS "latest_rsd_manager_idx";--> statement-breakpoint
CREATE INDEX "latest_rsd_manager_idx" ON "latest_retailer_stock_day" USING btree ("manager_id","day") INCLUDE ("retailer_id","stock");--> statement-breakpoint
-- the period sums of a team or a branch (getPeriodSums)
DROP INDEX IF EXISTS "rollup_msp_team_idx";--> statement-breakpoint
CREATE INDEX "rollup_msp_team_idx" ON "rollup_manager_spec_period" USING btree ("period_kind","team_id","period_start") INCLUDE ("manager_id","spec_id","stock_sum","stock_retailers","shelved","eligible","implied_sales","sell_base","negative_pairs");--> statement-breakpoint
DROP INDEX IF EXISTS "rollup_msp_branch_idx";--> statement-breakpoint
CREATE INDEX "rollup_msp_branch_idx" ON "rollup_manager_spec_period" USING btree ("period_kind","branch_id","period_start") INCLUDE ("team_id","manager_id","spec_id","stock_sum","stock_retailers","shelved","eligible","implied_sales","sell_base","negative_pairs");--> statement-breakpoint
DROP INDEX IF EXISTS "rollup_mspo_team_idx";--> statement-breakpoint
CREATE INDEX "rollup_mspo_team_idx" ON "rollup_manager_spec_period_orders" USING btree ("period_kind","team_id","period_start") INCLUDE ("manager_id","spec_id","purchases","purchases_fen","ordered","quota");--> statement-breakpoint
DROP INDEX IF EXISTS "rollup_mspo_branch_idx";--> statement-breakpoint
CREATE INDEX "rollup_mspo_branch_idx" ON "rollup_manager_spec_period_orders" USING btree ("period_kind","branch_id","period_start") INCLUDE ("team_id","manager_id","spec_id","purchases","purchases_fen","ordered","quota");
