CREATE TABLE "rollup_retailer_spec_moving" (
	"month" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"spec_id" integer NOT NULL,
	"before" boolean NOT NULL,
	"now" boolean NOT NULL,
	"stamps" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_moving" ADD CONSTRAINT "rollup_retailer_spec_moving_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_moving" ADD CONSTRAINT "rollup_retailer_spec_moving_spec_id_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_moving" ADD CONSTRAINT "rollup_retailer_spec_moving_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_moving" ADD CONSTRAINT "rollup_retailer_spec_moving_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_spec_moving" ADD CONSTRAINT "rollup_retailer_spec_moving_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rollup_rsmv_retailer_idx" ON "rollup_retailer_spec_moving" USING btree ("retailer_id","month");--> statement-breakpoint
CREATE INDEX "rollup_rsmv_branch_idx" ON "rollup_retailer_spec_moving" USING btree ("month","branch_id");--> statement-breakpoint
CREATE INDEX "rollup_rsmv_team_idx" ON "rollup_retailer_spec_moving" USING btree ("month","team_id");--> statement-breakpoint
CREATE INDEX "rollup_rsmv_manager_idx" ON "rollup_retailer_spec_moving" USING btree ("month","manager_id");--> statement-breakpoint
-- existing data: every month's window from the retailer × spec × month rollup
INSERT INTO "rollup_retailer_spec_moving" ("month", "retailer_id", "spec_id", "before", "now", "stamps", "manager_id", "team_id", "branch_id")
SELECT w.m, r.retailer_id, r.spec_id, bool_or(r.month < w.m), bool_or(r.month = w.m),
       (count(*) OVER (PARTITION BY w.m, r.retailer_id, r.spec_id))::int, r.manager_id, r.team_id, r.branch_id
FROM (SELECT generate_series(min(month), max(month) + interval '3 months', interval '1 month')::date AS m FROM rollup_retailer_spec_month) w
JOIN rollup_retailer_spec_month r ON r.month >= (w.m - interval '3 months')::date AND r.month <= w.m AND r.ordered > 0
GROUP BY w.m, r.retailer_id, r.spec_id, r.manager_id, r.team_id, r.branch_id;
