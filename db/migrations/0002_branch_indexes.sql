CREATE INDEX "rollup_md_branch_day_idx" ON "rollup_manager_day" USING btree ("branch_id","day");--> statement-breakpoint
CREATE INDEX "rollup_mp_branch_idx" ON "rollup_manager_period" USING btree ("period_kind","branch_id","period_start");--> statement-breakpoint
CREATE INDEX "rollup_msp_branch_idx" ON "rollup_manager_spec_period" USING btree ("period_kind","branch_id","period_start");--> statement-breakpoint
CREATE INDEX "rollup_mspo_branch_idx" ON "rollup_manager_spec_period_orders" USING btree ("period_kind","branch_id","period_start");--> statement-breakpoint
CREATE INDEX "rollup_rsm_branch_idx" ON "rollup_retailer_spec_month" USING btree ("branch_id","month");