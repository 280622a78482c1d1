CREATE TABLE "ingredient_stats" (
	"name" text PRIMARY KEY NOT NULL,
	"recipe_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recipe_ingredients" (
	"recipe_id" integer NOT NULL,
	"name" text NOT NULL,
	"ingredient_count" integer NOT NULL,
	"nonstaple_count" integer NOT NULL,
	"signature" bigint NOT NULL,
	CONSTRAINT "recipe_ingredients_pkey" PRIMARY KEY("recipe_id","name")
);
--> statement-breakpoint
ALTER TABLE "recipe_ingredients" ADD CONSTRAINT "recipe_ingredients_recipe_id_recipes_id_fk" FOREIGN KEY ("recipe_id") REFERENCES "public"."recipes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recipe_ingredients_walk_idx" ON "recipe_ingredients" USING btree ("name","nonstaple_count","recipe_id" DESC NULLS LAST,"ingredient_count","signature");--> statement-breakpoint
-- Data migration: postings for the recipes already there, as lib/recipes/postings.ts writes them.
-- The staple list is PANTRY_STAPLES of lib/recipes/ingredients.ts when this was written
-- (tests/integration/search-postings.test.ts checks they still agree); a later change of the list
-- needs its own data migration.
INSERT INTO "recipe_ingredients" ("recipe_id", "name", "ingredient_count", "nonstaple_count", "signature")
SELECT r."id", n."name", c."total", c."nonstaple", c."signature"
FROM "recipes" r
CROSS JOIN LATERAL (SELECT DISTINCT x AS "name" FROM unnest(r."ingredient_names") AS x WHERE x <> '') n
CROSS JOIN LATERAL (
  SELECT count(DISTINCT x)::int AS "total",
    (count(DISTINCT x) FILTER (WHERE NOT (x = ANY (ARRAY['salt', 'sea salt', 'kosher salt', 'table salt', 'black pepper', 'ground black pepper', 'pepper', 'salt and pepper', 'water', 'boiling water', 'cold water', 'warm water', 'hot water', 'ice', 'ice cube', 'oil', 'cooking oil', 'vegetable oil', 'olive oil', 'sunflower oil', 'canola oil', 'rapeseed oil', 'cooking spray', 'sugar', 'white sugar', 'granulated sugar', 'flour', 'all-purpose flour', 'plain flour']::text[]))))::int AS "nonstaple",
    coalesce(bit_or(1::bigint << (get_byte(decode(md5(x), 'hex'), 0) & 63)), 0) AS "signature"
  FROM unnest(r."ingredient_names") AS x WHERE x <> ''
) c;--> statement-breakpoint
INSERT INTO "ingredient_stats" ("name", "recipe_count")
SELECT "name", count(*)::int FROM "recipe_ingredients" GROUP BY "name";
