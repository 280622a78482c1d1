import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { nameBit } from "./postings";

/**
 * The exact top N of a search without ranking every candidate.
 *
 * Ranking: `used` (typed names the recipe has) descending, then `missing` ascending, then id
 * descending. Level by level, u = k … 1 (k = typed names some recipe has): a recipe with exactly
 * u of the k names lacks k − u of them, so it has at least one of any k − u + 1 of them — we take
 * the k − u + 1 rarest. Their posting lists are walked merged in (nonstaple_count, recipe_id
 * desc) order straight from recipe_ingredients_walk_idx, which is the ranking order within a
 * level (missing = nonstaple_count − u when staples are assumed and none was typed), so the walk
 * stops at the N-th hit (typed staples: see rankingTerms). Inside the index scan the
 * signature discards recipes that cannot have u of the names; the rest get an exact check against
 * the name ids stored in the same index entry, so a candidate never costs another lookup. Higher
 * levels are usually small, so their lists are walked to the end, but they are the rarest lists.
 */

export type Hit = { id: number; used: number; missing: number };

/** Lists longer than this are not counted: the search total then reads "more than TOTAL_CAP". */
export const TOTAL_CAP = 1_000;

export type Term = { name: string; id: number; count: number; bit: string };
type Row = Record<string, unknown>;


export const textArray = (values: readonly string[]): SQL =>
  values.length === 0 ? sql`'{}'::text[]` : sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;

/**
 * Per typed name: how many recipes have it and its signature bit. The count comes from
 * ingredient_stats, which every posting write updates in its own transaction, so it is exact
 * and costs one primary-key lookup (counting the posting list itself read up to TOTAL_CAP
 * index entries per name).
 */
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
  // Every list is at most TOTAL_CAP long here, so this reads at most k × TOTAL_CAP index entries.
  // DISTINCT in a subquery, not count(DISTINCT …): PostgreSQL 18 (PGlite) plans the latter with a
  // Sort, which the walk's settings forbid, and falls back to scanning the whole primary key.
  const [row] = rows(
    await db.execute(sql`
      SELECT count(*)::int AS total
      FROM (SELECT DISTINCT recipe_id FROM recipe_ingredients WHERE name = ANY(${textArray(present.map((term) => term.name))})) matches`),
  );
  return Number(row?.total ?? 0);
}

export type Level = { used: number; walked: Term[]; all: Term[]; typedStaples: string[]; assumeStaples: boolean };

const intArray = (values: readonly number[]): SQL => sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::int[]`;

/** How many of `terms` a posting's recipe has, exactly. */
const exactCount = (terms: readonly Term[]): SQL =>
  sql`(${sql.join(terms.map((term) => sql`(${term.id}::int = ANY(name_ids))::int`), sql` + `)})`;

/**
 * Whether the signature allows at least `used` of the terms. Each name the recipe has sets its
 * bit, so a recipe with `used` of them lacks at most k − used of the terms' distinct bits: never
 * a false negative. One mask and a popcount (measured at 1M recipes: the per-term sum cost
 * about as much as the index scan itself; this, a fraction of it).
 */
function signatureAllows(terms: readonly Term[], used: number): SQL {
  const mask = BigInt.asIntN(64, terms.reduce((bits, term) => bits | BigInt.asUintN(64, BigInt(term.bit)), 0n)).toString();
  const mayLack = terms.length - used;
  return mayLack === 0
    ? sql`(signature & ${mask}::bigint) = ${mask}::bigint`
    : sql`bit_count((${mask}::bigint & ~signature)::bit(64)) <= ${mayLack}`;
}

/**
 * The walk of one level: hits with exactly `used` names, in index order, optionally bounded.
 * Every test runs inside the index-only scan: first the signature (no false negatives), and only
 * for the rows it lets through the exact test on name_ids.
 */
export function levelQuery(level: Level, { limit, maxMissing }: { limit?: number; maxMissing?: number }): SQL {
  const bounds = [
    ...(maxMissing === undefined ? [] : [sql`nonstaple_count <= ${maxMissing + level.used}`]),
    ...(maxMissing === undefined || level.assumeStaples ? [] : [sql`ingredient_count <= ${maxMissing + level.used}`]),
  ];
  // Each arm ordered itself: an arm with a WHERE stays a subquery, and only a subquery that
  // promises the order lets the planner merge the arms (Merge Append) instead of sorting them.
  // A recipe on several walked lists is taken from the first (rarest) of them only. CASE keeps
  // the order of the tests: the planner may reorder separate conditions, not a CASE's branches.
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

/**
 * One level when staples count: missing = ingredient_count − used, but the index is in
 * nonstaple_count order (≤ ingredient_count), so the first `want` hits in index order are not
 * necessarily the best. Their worst missing bounds the rest: every recipe that could still beat
 * it has nonstaple_count and ingredient_count ≤ worst + used, which the second walk reads from
 * the index before any exact check; then the hits are sorted exactly.
 */
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

/** Runs `fn` in a transaction with the planner settings the walk needs (the plan test uses it too). */
export async function withWalkSettings<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  // One transaction for the count and every level, with sorting switched off: the planner
  // cannot know a level will stop after a few hits and would otherwise sort whole lists instead
  // of merging the ordered index scans (Merge Append). JIT off: never worth it for these queries,
  // and it would start on the inflated cost estimates of a plan it could not get without a sort.
  return db.transaction(async (tx) => {
    // No parallel plans either: the levels of one query must come out in order (see walk).
    await tx.execute(sql`
      SELECT set_config('enable_sort', 'off', true), set_config('enable_incremental_sort', 'off', true),
        set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return fn(tx);
  });
}

/**
 * The typed names that rank results. With staples assumed, typed staples are ignored like every
 * other staple (Spoonacular's ignorePantry): "chicken, salt" ranks by chicken alone, as salt is
 * in every kitchen anyway. Only when nothing but staples was typed are they what is searched.
 */
export function rankingTerms(terms: readonly string[], assumeStaples: boolean): string[] {
  const distinct = [...new Set(terms)];
  if (!assumeStaples) return distinct;
  const others = distinct.filter((name) => !PANTRY_STAPLES.has(name));
  return others.length > 0 ? others : distinct;
}

/**
 * The names (of rankingTerms) some recipe has, rarest first, and the levels to walk for them,
 * best first. typedStaples is empty, or every name when only staples were typed.
 */
export function levelsFor(described: readonly Term[], assumeStaples: boolean): { present: Term[]; levels: Level[] } {
  const present = described
    .filter((term) => term.count > 0)
    .sort((a, b) => a.count - b.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const typedStaples = assumeStaples ? present.map((term) => term.name).filter((name) => PANTRY_STAPLES.has(name)) : [];
  const levels = present.map((_, i) => ({ used: present.length - i, walked: present.slice(0, i + 1), all: present, typedStaples, assumeStaples }));
  return { present, levels };
}

/**
 * Staples assumed (the site's default), in one statement: the levels, best first, under one
 * LIMIT. Append runs its arms one after the other (parallel plans are off for the walk), so the
 * lower levels are never walked once enough hits are found. Index order is rank order here:
 * missing = nonstaple_count − used, or nonstaple_count alone when only staples were typed (see
 * rankingTerms), since a typed staple never lowers what is missing.
 */
export function rankedLevelsQuery(levels: readonly Level[], want: number): SQL {
  const arms = levels.map((level) => sql`(${levelQuery(level, { limit: want })})`);
  return sql`SELECT * FROM (${sql.join(arms, sql` UNION ALL `)}) AS levels LIMIT ${want}`;
}

/**
 * Level u walks k − u + 1 lists, so the lower levels make most of a statement's arms, and
 * planning grows faster than the arms (measured: 6 typed names, all levels in one statement ≈ 6 ms
 * to plan under load, the top three ≈ 1 ms). Common names usually fill the page in the top
 * levels: those go first, in a statement of their own, and the rest only when still needed.
 */
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
  // A name in more than TOTAL_CAP recipes: the total reads "more than TOTAL_CAP" and pages stop
  // there (counting them all would cost more than the search). The walk and the count run together.
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
