CREATE TABLE "rollup_retailer_month" (
	"month" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"supplied" integer NOT NULL,
	CONSTRAINT "rollup_retailer_month_retailer_id_month_pk" PRIMARY KEY("retailer_id","month")
);
--> statement-breakpoint
ALTER TABLE "rollup_retailer_month" ADD CONSTRAINT "rollup_retailer_month_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- existing data: the new rollup from the spec grain it sums
INSERT INTO "rollup_retailer_month" ("month", "retailer_id", "supplied")
SELECT "month", "retailer_id", sum("supplied")::int FROM "rollup_retailer_spec_month" GROUP BY "month", "retailer_id";
