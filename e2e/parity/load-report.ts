import postgres from "postgres";
import type { Phase, Sample, Write } from "./load-players";
import type { Stack } from "./stack";

/** The load run's figures, printed per phase, and its check that acknowledged writes are stored. */

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return (
    [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name}: ${count}`)
      .join(", ") || "none"
  );
}

/** Every acknowledged write, read back from PostgreSQL directly (not through PgBouncer). */
export async function checkWrites(stack: Stack, phase: Phase, problems: string[], label: string, clock: { at: number; from: string }) {
  const sql = postgres(stack.directDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const ids = phase.acknowledged.map((write) => write.id);
    const rows = ids.length ? await sql<Write[]>`select id, title from recipes where id in ${sql(ids)}` : [];
    const found = new Map(rows.map((row) => [row.id, row.title]));
    const missing = phase.acknowledged.filter((write) => found.get(write.id) !== write.title);
    console.log(
      `  writes acknowledged: ${phase.acknowledged.length}, found in the database: ${phase.acknowledged.length - missing.length}`,
    );
    const refused = phase.samples.filter(
      (sample) => sample.kind === "write" && !(sample.status === 303 && /^\/recipes\/\d+$/.test(sample.location ?? "")),
    );
    console.log(
      `  writes not acknowledged: ${countBy(refused, (sample) => `${statusName(sample)}${sample.location ? ` → ${sample.location}` : ""}`)}`,
    );
    for (const sample of refused.slice(0, 10))
      console.log(
        `    not acknowledged: ${statusName(sample)}${sample.location ? ` → ${sample.location}` : ""} at ${seconds(sample.answeredAt - clock.at)} from ${clock.from}`,
      );
    for (const write of missing.slice(0, 5)) console.log(`    missing: #${write.id} “${write.title}”`);
    if (missing.length) problems.push(`${label}: ${missing.length} acknowledged write(s) not in the database`);
  } finally {
    await sql.end();
  }
}

export function printLatencies(phase: Phase) {
  const kinds = [...new Set(phase.samples.map((sample) => sample.kind))];
  for (const kind of kinds) {
    const times = phase.samples
      .filter((sample) => sample.kind === kind && sample.status !== 0)
      .map((sample) => sample.answeredAt - sample.sentAt)
      .sort((a, b) => a - b);
    console.log(
      `    ${kind.padEnd(10)} ${String(times.length).padStart(5)} answered, p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms`,
    );
  }
}

export function printCounts(phase: Phase, started: number) {
  const redirect = (sample: Sample) => (sample.location ? ` → ${sample.location.split("?")[0]!.replace(/\/\d+$/, "/<id>")}` : "");
  console.log(
    `  requests: ${phase.samples.length} in ${seconds(Date.now() - started)}; by kind: ${countBy(phase.samples, (sample) => sample.kind)}`,
  );
  console.log(`  by status: ${countBy(phase.samples, statusName)}`);
  console.log(`  by kind and status: ${countBy(phase.samples, (sample) => `${sample.kind} ${statusName(sample)}${redirect(sample)}`)}`);
  console.log(`  by instance: ${countBy(phase.samples, (sample) => sample.instance || "(none)")}`);
}

export const errorOf = (sample: Sample) => sample.status === 0 || sample.status >= 400;
export const statusName = (sample: Sample) => (sample.status === 0 ? `no answer (${sample.error})` : String(sample.status));
