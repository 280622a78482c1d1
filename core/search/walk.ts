import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import { hasNarrowerIngredients } from "@/core/ingredients/dictionary";
import { nameBit } from "./postings";
import { runStatements } from "./statements";

// The exact top N without ranking every candidate (docs/decisions/0002-search-exact-in-index-and-typed-staples.md,
// 0005-dictionary-search.md). Level u holds the recipes with exactly u of the k typed names; each has one of any
// k − u + 1 of them, so a level merges the k − u + 1 rarest posting lists in index order and stops at the N-th hit.
// A typed kind ("chicken") may cover several of a recipe's ingredients, so index order is then only close to rank
// order: such a level reads its first N hits, and then every posting that could still beat the worst of them.

export type Hit = { id: number; used: number; missing: number };

/** Lists longer than this are not counted: the search total then reads "more than TOTAL_CAP". */
export const TOTAL_CAP = 1_000;

export type Term = {
  name: string;
  id: number;
  count: number;
  bit: string;
  /** The most ingredients of one recipe this name has covered. */
  maxCovers: number;
  /** Covers only itself (no dictionary entry is a kind of it): then it covers exactly one ingredient of every recipe it is in. */
  single: boolean;
};

/** What removes a recipe from the results whatever it uses: names (and their kinds) it must not have, diet facts it must not carry. */
export type Filters = { excludedIds: readonly number[]; dietMask: number };

export const NO_FILTERS: Filters = { excludedIds: [], dietMask: 0 };

type Row = Record<string, unknown>;

export const textArray = (values: readonly string[]): SQL =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`ARRAY[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]`;

const intArray = (values: readonly number[]): SQL =>
  values.length === 0
    ? sql`'{}'::int[]`
    : sql`ARRAY[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::int[]`;

/** Per name: its id, signature bit, exact recipe count and widest cover (ingredient_stats is written in the postings' transaction). */
export async function describeTerms(db: Db, terms: readonly string[]): Promise<Term[]> {
  const found = rows(
    await db.execute(sql`
      SELECT t.name, coalesce(s.id, 0)::int AS id, coalesce(s.recipe_count, 0)::int AS count, coalesce(s.max_covers, 1)::int AS covers,
        ${nameBit(sql`t.name`)}::text AS bit
      FROM unnest(${textArray(terms)}) AS t(name)
      LEFT JOIN ingredient_stats s ON s.name = t.name`),
  );
  return found.map((row) => ({
    name: String(row.name),
    id: Number(row.id),
    count: Number(row.count),
    bit: String(row.bit),
    maxCovers: Number(row.covers),
    single: !hasNarrowerIngredients(String(row.name)),
  }));
}

const isFiltered = (filters: Filters) => filters.excludedIds.length > 0 || filters.dietMask !== 0;

/** The filters as SQL over a posting row; true when there are none. */
function filtersAllow(filters: Filters): SQL {
  const tests = [
    ...(filters.excludedIds.length > 0 ? [sql`NOT (name_ids && ${intArray(filters.excludedIds)})`] : []),
    ...(filters.dietMask !== 0 ? [sql`(diet_flags & ${filters.dietMask}::int) = 0`] : []),
  ];
  return tests.length === 0 ? sql`true` : sql.join(tests, sql` AND `);
}

/**
 * How many recipes have at least one of the names, by how many they have (the heading's "all, some
 * or one"), as rows (used, n); "capped" when some list is longer than TOTAL_CAP even after the
 * filters. Filtered, a long list is capped when its first TOTAL_CAP + 1 postings pass: then a row
 * with used = -1 comes back instead, and the grouped count (a one-time filter) never runs.
 */
function countStatement(present: readonly Term[], filters: Filters): SQL | "capped" {
  // Longest first: the tests run in order until one passes, and a list that passes stops after TOTAL_CAP + 1
  // postings, while one that does not is read to its end; the longest is the likeliest to pass.
  const lists = [...present].sort((a, b) => b.count - a.count);
  const long = lists.filter((term) => term.count > TOTAL_CAP);
  // Unfiltered, the count itself says it.
  if (long.length > 0 && !isFiltered(filters)) return "capped";
  // Each list's postings that pass the filters are read once, into a CTE the cap test and the grouped count share;
  // a CTE is only read when first used, so the lists after one that passes the cap are never read.
  const passing = lists.map(
    (term, i) =>
      sql`${sql.raw(`l${i}`)} AS MATERIALIZED (SELECT recipe_id FROM recipe_ingredients WHERE name = ${term.name} AND ${filtersAllow(filters)} LIMIT ${TOTAL_CAP + 1})`,
  );
  const overCap =
    long.length === 0
      ? sql`false`
      : sql.join(
          long.map((_, i) => sql`(SELECT count(*) FROM ${sql.raw(`l${i}`)}) > ${TOTAL_CAP}`),
          sql` OR `,
        );
  return sql`
    WITH ${sql.join(passing, sql`, `)},
    capped AS MATERIALIZED (SELECT ${overCap} AS over)
    SELECT -1 AS used, 0 AS n FROM capped WHERE capped.over
    UNION ALL
    SELECT used, count(*)::int AS n
    FROM (SELECT recipe_id, count(*)::int AS used FROM (${sql.join(
      lists.map((_, i) => sql`SELECT recipe_id FROM ${sql.raw(`l${i}`)}`),
      sql` UNION ALL `,
    )}) a GROUP BY recipe_id) m
    WHERE NOT (SELECT over FROM capped)
    GROUP BY used`;
}

function countsOf(found: readonly Row[]): Map<number, number> | null {
  if (found.some((row) => Number(row.used) < 0)) return null;
  return new Map(found.map((row) => [Number(row.used), Number(row.n)]));
}

export type Level = { used: number; walked: Term[]; all: Term[]; assumeStaples: boolean; filters: Filters };

const exactCount = (terms: readonly Term[]): SQL =>
  sql`(${sql.join(
    terms.map((term) => sql`(${term.id}::int = ANY(name_ids))::int`),
    sql` + `,
  )})`;

/** Missing ingredients of a posting's recipe: those (non-staple ones, when staples are assumed) that no typed name covers. */
function missingOf(terms: readonly Term[], assumeStaples: boolean): SQL {
  const covered = sql.join(
    terms.map((term) => {
      const packed = sql`coalesce(name_covers[array_position(name_ids, ${term.id}::int)], 0)`;
      return assumeStaples ? sql`(${packed} & 255)` : sql`(${packed} >> 8)`;
    }),
    sql` + `,
  );
  return sql`(${assumeStaples ? sql`nonstaple_count` : sql`ingredient_count`} - (${covered}))`;
}

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
export function levelQuery(level: Level, { limit, maxCount, maxMissing }: { limit?: number; maxCount?: number; maxMissing?: number }): SQL {
  const bounds = [
    ...(maxCount === undefined ? [] : [sql`nonstaple_count <= ${maxCount}`]),
    ...(maxCount === undefined || level.assumeStaples ? [] : [sql`ingredient_count <= ${maxCount}`]),
  ];
  // Ordered arms let the planner merge them (Merge Append) instead of sorting. A recipe on several lists comes from the
  // first (rarest) only. CASE keeps the tests' order, which the planner may change for separate conditions: the
  // filters (a bit test, an array overlap) go before the exact count, which scans name_ids once per typed name.
  // The missing bound, the costliest test, runs last and only on the level's hits.
  const fewMissing = maxMissing === undefined ? sql`` : sql` AND ${missingOf(level.all, level.assumeStaples)} <= ${maxMissing}`;
  const lists = level.walked.map((term, i) => {
    const earlier = level.walked.slice(0, i).map((walked) => walked.id);
    const firstList = earlier.length === 0 ? sql`` : sql`NOT (name_ids && ${intArray(earlier)}) AND `;
    return sql`(SELECT recipe_id, nonstaple_count, ${missingOf(level.all, level.assumeStaples)} AS missing FROM recipe_ingredients
      WHERE name = ${term.name} ${sql.join(bounds.map((bound) => sql`AND ${bound} `))}
        AND CASE WHEN ${signatureAllows(level.all, level.used)}
          THEN ${filtersAllow(level.filters)} AND ${firstList}${exactCount(level.all)} = ${level.used}${fewMissing} ELSE false END
      ORDER BY nonstaple_count, recipe_id DESC NULLS LAST)`;
  });
  return sql`
    SELECT m.recipe_id AS id, m.missing, ${level.used}::int AS used
    FROM (${sql.join(lists, sql` UNION ALL `)}) m
    ORDER BY m.nonstaple_count, m.recipe_id DESC NULLS LAST -- the index's order exactly (DESC alone means NULLS FIRST)
    ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`;
}

const byRank = (a: Hit, b: Hit) => a.missing - b.missing || b.id - a.id;

const toHits = (found: Row[]): Hit[] => found.map((row) => ({ id: Number(row.id), used: Number(row.used), missing: Number(row.missing) }));

/**
 * Index order is rank order when staples are assumed and every typed name covers exactly one
 * ingredient: missing is then nonstaple_count less a constant of the level.
 */
const indexOrderIsRankOrder = (level: Level) => level.assumeStaples && level.all.every((term) => term.single);

/**
 * Otherwise the first `want` hits in index order bound the rest: a recipe that beats the worst of
 * them (missing ≤ W) has at most W + (the level's `used` widest covers) ingredients, so a second
 * read of the postings up to that count finds every one; those are then ranked exactly.
 */
async function boundedLevelHits(run: Run, level: Level, want: number, at: number): Promise<Hit[]> {
  const first = await run(levelQuery(level, { limit: want }));
  if (first.length < want) return first.sort(byRank);
  const worst = Math.max(...first.map((hit) => hit.missing));
  const widest = level.all
    .map((term) => (level.assumeStaples && term.single ? 1 : term.maxCovers))
    .sort((a, b) => b - a)
    .slice(0, level.used)
    .reduce((sum, covers) => sum + covers, 0);
  // Only a recipe missing at most `worst` can be among the best `want`: the database keeps those and ranks them, so a
  // kind's long list ships `want` rows, not the thousands the bound lets through ("meat" at 100,000 recipes: 13,674).
  return run(
    sql`
      SELECT * FROM (${levelQuery(level, { maxCount: worst + widest, maxMissing: worst })}) AS bounded
      ORDER BY bounded.missing, bounded.id DESC LIMIT ${want}`,
    at,
  );
}

export type Hits = {
  hits: Hit[];
  /** Exact up to TOTAL_CAP; past it TOTAL_CAP with totalCapped. */
  total: number;
  totalCapped: boolean;
  /** How many recipes use exactly u of the typed names, by u; empty when capped. */
  byUsed: Map<number, number>;
};

/** The recipes the page shows, read with the walk: `row` (SQL over recipes r) for the hits at positions offset … offset + size − 1. */
export type PageRead = { offset: number; size: number; row: SQL };

type WalkOptions = { assumeStaples: boolean; count: number; filters?: Filters; singleStatementEntries?: number; page?: PageRead };

/** The first `count` hits in rank order, how many recipes match at all, and the page's recipes the walk read on the way. */
export type Walked = Hits & {
  /** Per hit id: its `page.row`, or null when the recipe was deleted meanwhile. A page hit missing here was not read. */
  pageRows: Map<number, unknown>;
};

/** The first `count` hits in rank order, and how many recipes match at all (terms: describeTerms of rankingTerms). */
export async function walkSearch(db: Db, described: readonly Term[], options: WalkOptions): Promise<Walked> {
  return walk(db, described, options);
}

/** Runs `fn` in a transaction with search_run's planner settings (migration 0012): for EXPLAIN of a walk statement. */
export async function withWalkSettings<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      SELECT set_config('enable_sort', 'off', true), set_config('enable_incremental_sort', 'off', true),
        set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return fn(tx);
  });
}

/** The names some recipe has, rarest first, and their levels, best first. */
export function levelsFor(
  described: readonly Term[],
  assumeStaples: boolean,
  filters: Filters = NO_FILTERS,
): { present: Term[]; levels: Level[] } {
  const present = described
    .filter((term) => term.count > 0)
    .sort((a, b) => a.count - b.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const levels = present.map((_, i) => ({
    used: present.length - i,
    walked: present.slice(0, i + 1),
    all: present,
    assumeStaples,
    filters,
  }));
  return { present, levels };
}

/**
 * Staples assumed: the levels, best first, under one LIMIT, after `above` (the ranked hits of the
 * levels above them, upperLevelsQuery) when given. Append runs its arms in order, so lower levels
 * are not walked once enough hits are found.
 */
export function rankedLevelsQuery(levels: readonly Level[], want: number, above?: SQL): SQL {
  const arms = [...(above === undefined ? [] : [above]), ...levels.map((level) => levelQuery(level, { limit: want }))];
  return sql`SELECT * FROM (${sql.join(
    arms.map((arm) => sql`(${arm})`),
    sql` UNION ALL `,
  )}) AS levels LIMIT ${want}`;
}

/**
 * With four or more typed names, the levels above half of them: a recipe rarely has most of several
 * names, so those levels seldom fill the page and each would read its lists to the end (six names:
 * the rarest list three times, the next twice). upperLevelsQuery reads the lists once instead.
 * Filters empty the levels further, so from three names one level more is read that way: the level
 * below would otherwise read nearly the same lists nearly to their end a second time.
 */
const upperLevelCount = (typed: number, filtered: boolean) =>
  filtered && typed >= 3 ? typed - Math.ceil(typed / 2) + 1 : typed >= 4 ? typed - Math.ceil(typed / 2) : 0;

/**
 * Staples assumed, single names: the hits of the given top levels (used from k down to u0) in one
 * read. A recipe with at least u0 of the k names is on one of the k − u0 + 1 rarest lists (the
 * lowest level's walked lists), so those lists, read once with "at least u0" in the index scan,
 * hold all of them; they are few, and the database ranks them (used desc, missing asc, id desc).
 */
export function upperLevelsQuery(levels: readonly Level[], want: number): SQL {
  const lowest = levels.at(-1)!;
  const lists = lowest.walked.map((term, i) => {
    const earlier = lowest.walked.slice(0, i).map((walked) => walked.id);
    const firstList = earlier.length === 0 ? sql`` : sql`NOT (name_ids && ${intArray(earlier)}) AND `;
    return sql`(SELECT recipe_id, ${missingOf(lowest.all, lowest.assumeStaples)} AS missing, ${exactCount(lowest.all)} AS used
      FROM recipe_ingredients
      WHERE name = ${term.name}
        AND CASE WHEN ${signatureAllows(lowest.all, lowest.used)}
          THEN ${filtersAllow(lowest.filters)} AND ${firstList}${exactCount(lowest.all)} >= ${lowest.used} ELSE false END)`;
  });
  return sql`
    SELECT m.recipe_id AS id, m.missing, m.used FROM (${sql.join(lists, sql` UNION ALL `)}) m
    ORDER BY m.used DESC, m.missing, m.recipe_id DESC LIMIT ${want}`;
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

/** Sends one walk statement; `at` says its rows are final ranks from that position on, so it can read the page's recipes too. */
type Run = (statement: SQL, at?: number) => Promise<Hit[]>;

/** The statement's rows numbered in its order, with `page.row` for those at the page's positions (the statement's first row is at `at`). */
function withPageRows(statement: SQL, at: number, page: PageRead): SQL {
  const first = page.offset - at;
  const inPage = sql`w.pos > ${first} AND w.pos <= ${first + page.size}`;
  return sql`
    SELECT w.id, w.missing, w.used, w.pos, ${inPage} AS paged, p.row
    FROM (SELECT s.id, s.missing, s.used, row_number() OVER () AS pos FROM (${statement}) s) w
    LEFT JOIN LATERAL (SELECT ${page.row} AS row FROM recipes r WHERE r.id = w.id AND ${inPage}) p ON true`;
}

async function walk(
  db: Db,
  described: readonly Term[],
  { assumeStaples, count, filters = NO_FILTERS, singleStatementEntries = SINGLE_STATEMENT_ENTRIES, page }: WalkOptions,
): Promise<Walked> {
  const { present, levels } = levelsFor(described, assumeStaples, filters);
  const pageRows = new Map<number, unknown>();
  if (present.length === 0) return { hits: [], total: 0, totalCapped: false, byUsed: new Map(), pageRows };
  // The count goes with the first walk statement: one round trip. Past TOTAL_CAP the total reads "more than
  // TOTAL_CAP": counting it all would cost more than the search.
  const counting = countStatement(present, filters);
  let byUsed: Map<number, number> | null | undefined = counting === "capped" ? null : undefined;
  let want = Math.min(count, TOTAL_CAP);
  const run: Run = async (statement, at) => {
    const read = at === undefined || page === undefined ? statement : withPageRows(statement, at, page);
    const counted = byUsed === undefined && counting !== "capped" ? [counting] : [];
    const parts = await runStatements(db, [...counted, read]);
    if (counted.length > 0) {
      byUsed = countsOf(parts[0]!);
      if (byUsed !== null) want = Math.min(want, total(byUsed));
    }
    const found = [...parts.at(-1)!].sort((a, b) => Number(a.pos ?? 0) - Number(b.pos ?? 0));
    for (const row of found) if (row.paged === true) pageRows.set(Number(row.id), row.row ?? null);
    return toHits(found);
  };
  const hits = await walkLevels(run, levels, { singleStatementEntries, wanted: () => want });
  const counts = byUsed as Map<number, number> | null | undefined;
  return {
    hits,
    total: counts ? total(counts) : TOTAL_CAP,
    totalCapped: !counts,
    byUsed: counts ?? new Map(),
    pageRows,
  };
}

const total = (byUsed: Map<number, number>) => [...byUsed.values()].reduce((sum, n) => sum + n, 0);

/** `wanted()`: how many hits to find; until the count is back (with the first statement), the page's need. */
async function walkLevels(
  run: Run,
  levels: readonly Level[],
  { singleStatementEntries, wanted }: { singleStatementEntries: number; wanted: () => number },
): Promise<Hit[]> {
  const hits: Hit[] = [];
  const limit = () => wanted() - hits.length;
  if (levels.every(indexOrderIsRankOrder)) {
    // Short lists cost little to walk whole: then one statement beats several round trips.
    const entries = levels[0]!.all.reduce((sum, term) => sum + term.count, 0);
    if (entries <= singleStatementEntries) return run(rankedLevelsQuery(levels, limit()), 0);
    // The upper levels' read goes first in the statement of the levels below: no round trip of its own.
    const merged = upperLevelCount(levels.length, isFiltered(levels[0]!.filters));
    const above = merged > 0 ? upperLevelsQuery(levels.slice(0, merged), limit()) : undefined;
    const [first = [], ...rest] = statementBatches(levels.slice(merged));
    hits.push(...(await run(rankedLevelsQuery(first, limit(), above), 0)));
    for (const batch of rest) {
      if (hits.length >= wanted()) break;
      hits.push(...(await run(rankedLevelsQuery(batch, limit()), hits.length)));
    }
    return hits;
  }
  for (const level of levels) {
    if (hits.length >= wanted()) break;
    hits.push(...(await boundedLevelHits(run, level, limit(), hits.length)));
  }
  return hits;
}
