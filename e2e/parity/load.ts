import { appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { rollingRestart, soak } from "./load-phases";
import { enrol, run, type Player } from "./load-players";
import { seconds } from "./load-report";
import { startParityStack } from "./stack";

/**
 * `npm run parity:load`: the parity stack (stack.ts) under steady traffic from a few visitors, each
 * with its own loopback address and account, in two bounded phases:
 *
 * 1. a rolling restart (SIGTERM instance a, start it again, then b) under searches, recipe views
 *    and recipe writes: no 5xx at all, and every acknowledged write is in the database;
 * 2. a soak of PARITY_SOAK_SECONDS (120 by default) of searches, views, writes and logins with one
 *    PostgreSQL restart at a third of it: the only error answers allowed are 503s from the stop on,
 *    and every acknowledged write is in the database.
 *
 * It prints its figures and exits 1 when a rule is broken. Run with E2E_PORT_BASE to move the ports.
 */

const VISITORS = 8;
const logFile = path.join(tmpdir(), `pantry-parity-load-${run}.log`);

async function main(): Promise<number> {
  console.log(`instance and stack logs: ${logFile}`);
  const stack = await startParityStack({
    log: (line) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`),
    // The per-account allowance (30 recipe writes an hour by default) would refuse most of the
    // load's writes; the other limits stay at their defaults.
    env: { RECIPE_WRITES_PER_HOUR: "10000" },
  });
  const problems: string[] = [];
  const players: Player[] = [];
  try {
    const enrolled = Date.now();
    players.push(...(await Promise.all(Array.from({ length: VISITORS }, (_, index) => enrol(index)))));
    console.log(`${VISITORS} visitors registered and activated through the forms in ${seconds(Date.now() - enrolled)}`);
    await rollingRestart(stack, players, problems);
    await soak(stack, players, problems);
  } finally {
    for (const player of players) player.visitor.close();
    await stack.stop();
  }
  console.log(problems.length ? `\nFAILED:\n  ${problems.join("\n  ")}` : "\nAll rules held.");
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
