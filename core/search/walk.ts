import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { nameBit } from "./postings";

// The exact top N without ranking every candidate (docs/decisions/0002-search-exact-in-index-and-typed-staples.md).
// Level u holds the recipes with exactly u of the k typed names; each has one of any k − u + 1 of them, so a
// level merges the k − u + 1 rarest posting lists in index order (rank order) and stops at the N-th hit.

export type Hit = { id: number; used: number; missing: number };

/** Lists longer than this are not counted: the search total then reads "more than TOTAL_CAP". */
export const TOTAL_CAP = 1_000;

export type Term = { name: string; id: number; count: number; bit: string };
type Row = Record<string, unknown>;

export const textArray = (values: readonly string[]): SQL =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`ARRAY[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]`;

/** Per typed name: its id, signature bit and exact recipe count (ingredient_stats is written in the postings' transaction). */
export async function describeTerms(db: Db, terms: readonly string[]): Promise<Term[]> {
  const found = rows(
    await db.execute(sql`
      SELECT t.name, coalesce(s.id, 0)::int AS id, coalesce(s.recipe_count, 0)::int AS count, ${nameBit(sql`t.name`)}::text AS bit
      FROM unnest(${textArray(terms)}) AS t(name)
      LEFT JOIN ingredient_stats s ON s.name = t.name`),
  );
  return found.map((row) => ({ name: String(row.name), id: Number(row.id), count: Number(row.count), bit: String(row.bit) }));
}

/** How many recipes have at least one of the names, when no list is longer than TOTAL_CAP. */
async function countMatches(db: Db, present: readonly Term[]): Promise<number> {
  // DISTINCT in a subquery: PostgreSQL plans count(DISTINCT …) with a Sort, which the walk's
  // settings forbid, and then scans the whole primary key.
  const [row] = rows(
    await db.execute(sql`
      SELECT count(*)::int AS total
      FROM (SELECT DISTINCT recipe_id FROM recipe_ingredients WHERE name = ANY(${textArray(present.map((term) => term.name))})) matches`),
  );
  return Number(row?.total ?? 0);
}

export type Level = { used: number; walked: Term[]; all: Term[]; typedStaples: string[]; assumeStaples: boolean };

const intArray = (values: readonly number[]): SQL =>
  sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::int[]`;

const exactCount = (terms: readonly Term[]): SQL =>
  sql`(${sql.join(
    terms.map((term) => sql`(${term.id}::int = ANY(name_ids))::int`),
    sql` + `,
  )})`;

/** Never a false negative: each name the recipe has sets its bit. One mask and a popcount, far cheaper than a per-term sum. */
function signatureAllows(terms: readonly Term[], used: number): SQL {
  const mask = BigInt.asIntN(
    64,
    terms.reduce((bits, term) => bits | BigInt.asUintN(64, BigInt(term.bit)), 0n),
  ).toString();
  const mayLack = terms.length - used;
  return mayLack === 0
    ? sql`(signature & ${mask}::bigint) = ${mask}::bigint`
    : sql`bit_count((${mask}::bigint & ~signature)::bit(64)) <= ${mayLack}`;
}

/** One level's hits (exactly `used` names) in index order; the signature test runs before the exact name_ids test, both inside the index-only scan. */
export function levelQuery(level: Level, { limit, maxMissing }: { limit?: number; maxMissing?: number }): SQL {
  const bounds = [
    ...(maxMissing === undefined ? [] : [sql`nonstaple_count <= ${maxMissing + level.used}`]),
    ...(maxMissing === undefined || level.assumeStaples ? [] : [sql`ingredient_count <= ${maxMissing + level.used}`]),
  ];
  // Ordered arms let the planner merge them (Merge Append) instead of sorting. A recipe on several lists comes from the
  // first (rarest) only. CASE keeps the tests' order, which the planner may change for separate conditions.
  const lists = level.walked.map((term, i) => {
    const earlier = level.walked.slice(0, i).map((walked) => walked.id);
    const firstList = earlier.length === 0 ? sql`` : sql`NOT (name_ids && ${intArray(earlier)}) AND `;
    return sql`(SELECT recipe_id, nonstaple_count, ingredient_count FROM recipe_ingredients
      WHERE name = ${term.name} ${sql.join(bounds.map((bound) => sql`AND ${bound} `))}
        AND CASE WHEN ${signatureAllows(level.all, level.used)} THEN ${firstList}${exactCount(level.all)} = ${level.used} ELSE false END
      ORDER BY nonstaple_count, recipe_id DESC NULLS LAST)`;
  });
  // Typed staples only rank when nothing else was typed (rankingTerms): then all used names are.
  const staples = level.typedStaples.length > 0 ? level.used : 0;
  return sql`
    SELECT m.recipe_id AS id, m.nonstaple_count AS nonstaple, m.ingredient_count AS total,
      ${level.used}::int AS used, ${staples}::int AS staples
    FROM (${sql.join(lists, sql` UNION ALL `)}) m
    ORDER BY m.nonstaple_count, m.recipe_id DESC NULLS LAST -- the index's order exactly (DESC alone means NULLS FIRST)
    ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`;
}

const byRank = (a: Hit, b: Hit) => a.missing - b.missing || b.id - a.id;

const toHits = (found: Row[], assumeStaples: boolean): Hit[] =>
  found.map((row) => {
    const used = Number(row.used);
    const missing = assumeStaples ? Number(row.nonstaple) - (used - Number(row.staples)) : Number(row.total) - used;
    return { id: Number(row.id), used, missing };
  });

// Staples counted: the index is in nonstaple_count order, not rank order, so the first `want` hits only bound the rest;
// a second walk reads every recipe that could beat the worst of them (nonstaple_count and ingredient_count ≤ worst + used).
async function countedLevelHits(db: Db, level: Level, want: number): Promise<Hit[]> {
  const first = toHits(rows(await db.execute(levelQuery(level, { limit: want }))), false);
  if (first.length < want) return first.sort(byRank);
  const worst = Math.max(...first.map((hit) => hit.missing));
  const all = toHits(rows(await db.execute(levelQuery(level, { maxMissing: worst }))), false);
  return all.sort(byRank).slice(0, want);
}

export type Hits = { hits: Hit[]; total: number; totalCapped: boolean };

type WalkOptions = { assumeStaples: boolean; count: number; singleStatementEntries?: number };

/** The first `count` hits in rank order, and how many recipes match at all (terms: describeTerms of rankingTerms). */
export async function walkSearch(db: Db, described: readonly Term[], options: WalkOptions): Promise<Hits> {
  return withWalkSettings(db, (tx) => walk(tx, described, options));
}

/** Runs `fn` in a transaction with the planner settings the walk needs. */
export async function withWalkSettings<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  // The planner cannot know a level stops after a few hits and would sort whole lists instead of merging the ordered
  // index scans; JIT never pays off here; parallel plans would break the order of the levels.
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      SELECT set_config('enable_sort', 'off', true), set_config('enable_incremental_sort', 'off', true),
        set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return fn(tx);
  });
}

/** With staples assumed, typed staples do not rank ("chicken, salt" ranks by chicken), unless only staples were typed. */
export function rankingTerms(terms: readonly string[], assumeStaples: boolean): string[] {
  const distinct = [...new Set(terms)];
  if (!assumeStaples) return distinct;
  const others = distinct.filter((name) => !PANTRY_STAPLES.has(name));
  return others.length > 0 ? others : distinct;
}

/** The names some recipe has, rarest first, and their levels, best first. typedStaples is empty, or every name when only staples were typed. */
export function levelsFor(described: readonly Term[], assumeStaples: boolean): { present: Term[]; levels: Level[] } {
  const present = described
    .filter((term) => term.count > 0)
    .sort((a, b) => a.count - b.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const typedStaples = assumeStaples ? present.map((term) => term.name).filter((name) => PANTRY_STAPLES.has(name)) : [];
  const levels = present.map((_, i) => ({
    used: present.length - i,
    walked: present.slice(0, i + 1),
    all: present,
    typedStaples,
    assumeStaples,
  }));
  return { present, levels };
}

/** Staples assumed: the levels, best first, under one LIMIT. Append runs its arms in order, so lower levels are not walked once enough hits are found. */
export function rankedLevelsQuery(levels: readonly Level[], want: number): SQL {
  const arms = levels.map((level) => sql`(${levelQuery(level, { limit: want })})`);
  return sql`SELECT * FROM (${sql.join(arms, sql` UNION ALL `)}) AS levels LIMIT ${want}`;
}

// Planning grows faster than the number of arms, and the lower levels make most of them; common
// names usually fill the page in the top levels, so those go first in a statement of their own.
const ARMS_PER_STATEMENT = 6;
const SINGLE_STATEMENT_ENTRIES = 10_000;

function statementBatches(levels: readonly Level[]): Level[][] {
  const batches: Level[][] = [];
  let arms = Infinity;
  for (const level of levels) {
    if (arms + level.walked.length > ARMS_PER_STATEMENT) {
      batches.push([]);
      arms = 0;
    }
    batches.at(-1)!.push(level);
    arms += level.walked.length;
  }
  return batches;
}

async function walk(
  db: Db,
  described: readonly Term[],
  { assumeStaples, count, singleStatementEntries = SINGLE_STATEMENT_ENTRIES }: WalkOptions,
): Promise<Hits> {
  const { present, levels } = levelsFor(described, assumeStaples);
  if (present.length === 0) return { hits: [], total: 0, totalCapped: false };
  // Past TOTAL_CAP the total reads "more than TOTAL_CAP": counting it all would cost more than the search.
  const capped = present.some((term) => term.count > TOTAL_CAP);
  const [hits, total] = await Promise.all([
    walkLevels(db, levels, { assumeStaples, count: capped ? Math.min(count, TOTAL_CAP) : count, singleStatementEntries }),
    capped ? TOTAL_CAP : countMatches(db, present),
  ]);
  return { hits, total, totalCapped: capped };
}

async function walkLevels(
  db: Db,
  levels: readonly Level[],
  { assumeStaples, count: want, singleStatementEntries = SINGLE_STATEMENT_ENTRIES }: WalkOptions,
): Promise<Hit[]> {
  const hits: Hit[] = [];
  if (assumeStaples) {
    // Short lists cost little to walk whole: then one statement beats several round trips.
    const entries = levels[0]!.all.reduce((sum, term) => sum + term.count, 0);
    for (const batch of entries <= singleStatementEntries ? [levels] : statementBatches(levels)) {
      if (hits.length >= want) break;
      hits.push(...toHits(rows(await db.execute(rankedLevelsQuery(batch, want - hits.length))), true));
    }
    return hits;
  }
  for (const level of levels) {
    if (hits.length >= want) break;
    hits.push(...(await countedLevelHits(db, level, want - hits.length)));
  }
  return hits;
}
