CREATE TABLE "rollup_retailer_day" (
	"day" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"implied_sales" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rollup_retailer_day" ADD CONSTRAINT "rollup_retailer_day_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_day" ADD CONSTRAINT "rollup_retailer_day_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_day" ADD CONSTRAINT "rollup_retailer_day_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_retailer_day" ADD CONSTRAINT "rollup_retailer_day_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rollup_rd_retailer_idx" ON "rollup_retailer_day" USING btree ("retailer_id","day");--> statement-breakpoint
CREATE INDEX "rollup_rd_manager_day_idx" ON "rollup_retailer_day" USING btree ("manager_id","day");--> statement-breakpoint
CREATE INDEX "retailers_branch_idx" ON "retailers" USING btree ("branch_id","team_id") WHERE "retailers"."active";--> statement-breakpoint
-- existing data: the new rollup from the spec grain it sums
INSERT INTO "rollup_retailer_day" ("day", "retailer_id", "implied_sales", "manager_id", "team_id", "branch_id")
SELECT "day", "retailer_id", coalesce(sum("implied_sales"), 0)::int, "manager_id", "team_id", "branch_id" FROM "rollup_retailer_spec_day" GROUP BY "day", "retailer_id", "manager_id", "team_id", "branch_id";
