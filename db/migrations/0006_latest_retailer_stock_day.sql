CREATE TABLE "latest_retailer_stock_day" (
	"retailer_id" integer NOT NULL,
	"day" date NOT NULL,
	"stock" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"manager_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "latest_retailer_stock_day" ADD CONSTRAINT "latest_retailer_stock_day_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_stock_day" ADD CONSTRAINT "latest_retailer_stock_day_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_stock_day" ADD CONSTRAINT "latest_retailer_stock_day_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_retailer_stock_day" ADD CONSTRAINT "latest_retailer_stock_day_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "latest_rsd_retailer_idx" ON "latest_retailer_stock_day" USING btree ("retailer_id");--> statement-breakpoint
CREATE INDEX "latest_rsd_manager_idx" ON "latest_retailer_stock_day" USING btree ("manager_id","day");--> statement-breakpoint
-- existing data: the new rollup from the latest lines it sums
INSERT INTO "latest_retailer_stock_day" ("retailer_id", "day", "stock", "manager_id", "team_id", "branch_id")
SELECT "retailer_id", ("visited_at" AT TIME ZONE 'Asia/Shanghai')::date, sum("stock")::int, "manager_id", "team_id", "branch_id" FROM "latest_retailer_spec" GROUP BY 1, 2, "manager_id", "team_id", "branch_id";
