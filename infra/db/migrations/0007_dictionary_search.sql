CREATE TABLE "dictionary_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" text NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingredients" (
	"name" text PRIMARY KEY NOT NULL,
	"plural" text NOT NULL,
	"kind" text,
	"aisle" text NOT NULL,
	"staple" boolean DEFAULT false NOT NULL,
	"diet_flags" integer DEFAULT 0 NOT NULL,
	"lineage" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pantry_items" (
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pantry_items_pkey" PRIMARY KEY("user_id","name")
);
--> statement-breakpoint
DROP INDEX "recipe_ingredients_walk_idx";--> statement-breakpoint
ALTER TABLE "ingredient_stats" ADD COLUMN "max_covers" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "recipe_ingredients" ADD COLUMN "name_covers" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
ALTER TABLE "recipe_ingredients" ADD COLUMN "diet_flags" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recipes" ADD COLUMN "diet_flags" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recipes" ADD COLUMN "title_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', title)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "pantry_items" ADD CONSTRAINT "pantry_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recipes_title_search_idx" ON "recipes" USING gin ("title_search");--> statement-breakpoint
CREATE INDEX "recipe_ingredients_walk_idx" ON "recipe_ingredients" USING btree ("name","nonstaple_count","recipe_id" DESC NULLS LAST,"ingredient_count","signature","name_ids","name_covers","diet_flags");