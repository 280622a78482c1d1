import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/infra/db/client";
import { recipes, users } from "@/infra/db/schema";
import { stripControlCharacters } from "@/core/text";
import { maskEmail } from "@/infra/log";
import { recipeColumns } from "@/core/recipes/records";
import { addPostings } from "@/core/search/postings";
import { recipeFormSchema } from "@/core/recipes/schemas";

// `npm run import:flask`, under plain Node (no "server-only" modules). A second run changes nothing: a user is their
// address in any letter case, a recipe is (author, title), as the schema keeps no Flask id. So an author's two recipes
// with one title are imported once (reported), and a recipe renamed after the import would be imported again.

/** The Flask app stored `salt hex (64) + PBKDF2-SHA512 hex (128)`; see core/passwords/hash.ts. */
const LEGACY_HASH = /^[0-9a-f]{192}$/i;

const recipeSchema = z.object({
  id: z.number().int().optional(),
  title: z.string(),
  ingredients: z.array(z.string()),
  instructions: z.array(z.string()),
});

const userSchema = z.object({
  id: z.number().int().optional(),
  login: z.string(),
  username: z.string(),
  password: z.string().regex(LEGACY_HASH, "is not a Flask password hash (192 hexadecimal characters)"),
  is_active: z.boolean(),
  recipes: z.array(recipeSchema).default([]),
});

export const flaskExportSchema = z.object({
  about: z.string().optional(),
  users: z.array(userSchema),
});

export type FlaskExport = z.output<typeof flaskExportSchema>;
type FlaskUser = FlaskExport["users"][number];
type FlaskRecipe = FlaskUser["recipes"][number];

export class FlaskExportError extends Error {
  override name = "FlaskExportError";
}

/** Validates parsed JSON; the message names every offending field, e.g. `users[2].password`. */
export function parseFlaskExport(data: unknown): FlaskExport {
  const result = flaskExportSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((issue) => {
    const where = issue.path.reduce<string>(
      (text, part) => (typeof part === "number" ? `${text}[${part}]` : `${text}.${String(part)}`),
      "",
    );
    return `  - ${where.replace(/^\./, "") || "(file)"}: ${issue.message}`;
  });
  const more = result.error.issues.length > 20 ? `\n  … and ${result.error.issues.length - 20} more` : "";
  throw new FlaskExportError(`The export file is not in the expected format; nothing was imported.\n${lines.join("\n")}${more}`);
}

export type SkippedUser = { index: number; id?: number; login: string; reason: string };
export type SkippedRecipe = { user: string; title: string; reason: string };
export type ImportReport = {
  usersCreated: number;
  usersSkipped: SkippedUser[];
  recipesCreated: number;
  recipesSkipped: SkippedRecipe[];
  /** Recipes imported with a field shortened to Pantry's limits. */
  recipesTruncated: SkippedRecipe[];
};

const NAME_MAX = 100;
const TITLE_MAX = 120;
const INGREDIENT_LINE_MAX = 200;
const STEP_MAX = 2000;
/** The Flask app had no servings field; Pantry requires one. */
const DEFAULT_SERVINGS = 4;

const emailSchema = z.email();

/** A title ends in "…" when shortened. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Cuts without adding "…": parse-ingredient 3.0.0 takes exponential time on some lines ending in a long word plus punctuation. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max).trimEnd();
}

const clean = (text: string) => stripControlCharacters(text).trim();

function displayName(user: FlaskUser, email: string): string {
  return truncate(clean(user.username) || email.slice(0, email.indexOf("@")), NAME_MAX);
}

/** Through the same form schema as a typed recipe: fields over Pantry's limits are shortened (reported), anything still refused is skipped. */
function toRecipeColumns(recipe: FlaskRecipe): { ok: true; columns: RecipeColumns; truncated: string[] } | { ok: false; reason: string } {
  const truncated: string[] = [];
  const shorten = (text: string, max: number, what: string, shortener = cut) => {
    const cleaned = clean(text);
    if (cleaned.length > max) truncated.push(what);
    return shortener(cleaned, max);
  };
  const title = shorten(recipe.title, TITLE_MAX, `title cut to ${TITLE_MAX} characters`, truncate);
  const ingredientLines = recipe.ingredients.map((line) =>
    shorten(line, INGREDIENT_LINE_MAX, `ingredient line cut to ${INGREDIENT_LINE_MAX} characters`),
  );
  const stepLines = recipe.instructions.map((line) => shorten(line, STEP_MAX, `step cut to ${STEP_MAX} characters`));
  const parsed = recipeFormSchema.safeParse({
    title,
    summary: "",
    ingredients: ingredientLines.join("\n"),
    steps: stepLines.join("\n"),
    servings: String(DEFAULT_SERVINGS),
    prepMinutes: "0",
    cookMinutes: "0",
  });
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "not a valid recipe" };
  const input = parsed.data;
  return {
    ok: true,
    truncated: [...new Set(truncated)],
    columns: recipeColumns(input),
  };
}

type RecipeColumns = Omit<typeof recipes.$inferInsert, "id" | "authorId">;

/** One transaction: any failure changes nothing. Existing addresses are never duplicated nor modified; the recipes they lack are added (same address, same person). */
export async function importFlaskExport(db: Db, data: FlaskExport): Promise<ImportReport> {
  const report: ImportReport = { usersCreated: 0, usersSkipped: [], recipesCreated: 0, recipesSkipped: [], recipesTruncated: [] };

  await db.transaction(async (tx) => {
    const seenInFile = new Map<string, number>();

    for (const [index, user] of data.users.entries()) {
      const email = clean(user.login).toLowerCase();
      const who = maskEmail(email);
      const skip = (reason: string) => report.usersSkipped.push({ index, id: user.id, login: who, reason });

      if (!emailSchema.safeParse(email).success || email.length > 254) {
        skip("not a valid email address; the user and their recipes were not imported");
        continue;
      }
      const earlier = seenInFile.get(email);
      if (earlier !== undefined) {
        skip(
          `same address as users[${earlier}] in another letter case; not a second account${user.recipes.length ? ", its recipes are added to that one" : ""}`,
        );
      }
      seenInFile.set(email, earlier ?? index);

      let authorId: string;
      const [created] = await tx
        .insert(users)
        .values({ email, name: displayName(user, email), passwordHash: user.password, isActive: user.is_active })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (created) {
        authorId = created.id;
        report.usersCreated += 1;
      } else {
        const [existing] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.email})`, email));
        if (!existing) throw new Error(`could not create or find the account of users[${index}]`);
        authorId = existing.id;
        if (earlier === undefined) skip("an account with this address already exists; it was left unchanged");
      }

      for (const recipe of user.recipes) {
        const converted = toRecipeColumns(recipe);
        const title = truncate(clean(recipe.title), TITLE_MAX) || "(no title)";
        if (!converted.ok) {
          report.recipesSkipped.push({ user: who, title, reason: converted.reason });
          continue;
        }
        const [duplicate] = await tx
          .select({ id: recipes.id })
          .from(recipes)
          .where(and(eq(recipes.authorId, authorId), eq(recipes.title, converted.columns.title)))
          .limit(1);
        if (duplicate) {
          report.recipesSkipped.push({ user: who, title, reason: "this author already has a recipe with this title" });
          continue;
        }
        const [created] = await tx
          .insert(recipes)
          .values({ authorId, ...converted.columns })
          .returning({ id: recipes.id });
        // Search postings in the same transaction, as createRecipe writes them.
        await addPostings(tx, [{ recipeId: created!.id, names: converted.columns.ingredientNames }]);
        report.recipesCreated += 1;
        if (converted.truncated.length) report.recipesTruncated.push({ user: who, title, reason: converted.truncated.join("; ") });
      }
    }
  });

  return report;
}

/** The report as the CLI prints it. Addresses are masked: this output can end up in logs. */
export function formatImportReport(report: ImportReport): string {
  const lines = [
    `Users created: ${report.usersCreated}, skipped: ${report.usersSkipped.length}`,
    `Recipes created: ${report.recipesCreated}, skipped: ${report.recipesSkipped.length}, shortened: ${report.recipesTruncated.length}`,
  ];
  for (const user of report.usersSkipped)
    lines.push(`  skipped user users[${user.index}]${user.id !== undefined ? ` (id ${user.id})` : ""} ${user.login}: ${user.reason}`);
  for (const recipe of report.recipesSkipped) lines.push(`  skipped recipe "${recipe.title}" of ${recipe.user}: ${recipe.reason}`);
  for (const recipe of report.recipesTruncated) lines.push(`  shortened recipe "${recipe.title}" of ${recipe.user}: ${recipe.reason}`);
  return lines.join("\n");
}
