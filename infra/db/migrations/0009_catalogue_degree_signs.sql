-- Hand-written data change (no schema change): databases seeded before the catalogue data had degree
-- signs read "Heat the oven to 175 C"; the built-in catalogue's rows (no author) get "175 °C", as a
-- newly seeded database has. Recipes people wrote are theirs and stay as typed.
UPDATE "recipes"
SET "steps" = regexp_replace("steps"::text, '([0-9]) C([ .,])', '\1 °C\2', 'g')::jsonb
WHERE "author_id" IS NULL AND "steps"::text ~ '[0-9] C[ .,]';
