import type { Instance } from "./instance";
import { jitter, Phase, play, RELOGIN_EVERY_MS, sleep, type Player, type Sample } from "./load-players";
import { checkWrites, countBy, errorOf, printCounts, printLatencies, seconds, statusName } from "./load-report";
import type { Stack } from "./stack";

/** The load run's two phases: a rolling restart of the instances, then a soak with a PostgreSQL restart. */

const SOAK_SECONDS = Number(process.env.PARITY_SOAK_SECONDS ?? 120);
/** The database stays down this long in the soak. */
const OUTAGE_SECONDS = 5;
/**
 * The middleware notices a database that is back by polling, within seconds. PgBouncer 1.18 takes
 * longer: once a server login has failed (the database was down or still starting), it turns an
 * occasional new client login away ("server login has been failing", 08P01) for up to a minute
 * after, each answered 503. So 503s are allowed from the stop to the end of the soak, and the ones
 * later than this after the start are counted apart; any other error, or any error before the stop,
 * breaks the rules.
 */
const RECOVERY_MS = 15_000;

async function stopped<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not done after ${seconds(ms)}`)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Restart = { instance: string; signalledAt: number; exitCode: number | null; drainMs: number; healthyMs: number };

async function restart(instance: Instance): Promise<Restart> {
  const signalled = Date.now();
  const exitCode = await stopped(`instance ${instance.name} exit after SIGTERM`, instance.stop(), 60_000);
  const exited = Date.now();
  await stopped(`instance ${instance.name} start`, instance.start(), 120_000);
  return { instance: instance.name, signalledAt: signalled, exitCode, drainMs: exited - signalled, healthyMs: Date.now() - exited };
}

export async function rollingRestart(stack: Stack, players: Player[], problems: string[]) {
  console.log("\n== Phase 1: rolling restart under steady load");
  const phase = new Phase();
  let running = true;
  const hardStop = Date.now() + 4 * 60_000;
  const loops = players.map((player) =>
    play(phase, player, () => running && Date.now() < hardStop, { search: 0.45, view: 0.35, relogin: false }),
  );
  const restarts: Restart[] = [];
  try {
    await sleep(8_000);
    for (const instance of stack.instances) {
      restarts.push(await restart(instance));
      await sleep(6_000);
    }
  } finally {
    running = false;
    await Promise.all(loops);
  }

  const started = Math.min(...phase.samples.map((sample) => sample.sentAt));
  printCounts(phase, started);
  for (const { instance, signalledAt, exitCode, drainMs, healthyMs } of restarts) {
    console.log(
      `  instance ${instance}: SIGTERM at ${seconds(signalledAt - started)} from the start, exit code ${exitCode ?? "none (ended by the signal)"} ${seconds(drainMs)} after SIGTERM; healthy ${seconds(healthyMs)} after the start`,
    );
  }
  console.log("  latency by kind (answered requests):");
  printLatencies(phase);
  const serverErrors = phase.samples.filter((sample) => sample.status === 0 || sample.status >= 500);
  for (const sample of serverErrors.slice(0, 10))
    console.log(
      `    error: ${sample.kind} ${statusName(sample)} via ${sample.instance || "?"} at ${seconds(sample.answeredAt - started)} from the start`,
    );
  if (serverErrors.length) problems.push(`phase 1: ${serverErrors.length} answer(s) with 5xx or none at all`);
  await checkWrites(stack, phase, problems, "phase 1", { at: started, from: "the start" });
}

export async function soak(stack: Stack, players: Player[], problems: string[]) {
  console.log(`\n== Phase 2: soak of ${SOAK_SECONDS} s with one PostgreSQL restart at a third of it`);
  const phase = new Phase();
  const started = Date.now();
  const end = started + SOAK_SECONDS * 1000;
  let running = true;
  for (const player of players) player.lastLoginAt = Date.now() - jitter(0, RELOGIN_EVERY_MS);
  const loops = players.map((player) => play(phase, player, () => running && Date.now() < end, { search: 0.4, view: 0.3, relogin: true }));
  const outage = { stopAt: 0, stoppedAt: 0, startAt: 0, startedAt: 0 };
  try {
    await sleep(Math.max(0, started + (SOAK_SECONDS * 1000) / 3 - Date.now()));
    // pg_ctl runs synchronously: the visitors' clocks pause with it for the second it takes.
    outage.stopAt = Date.now();
    stack.database.stop();
    outage.stoppedAt = Date.now();
    await sleep(OUTAGE_SECONDS * 1000);
    outage.startAt = Date.now();
    stack.database.start();
    outage.startedAt = Date.now();
    await sleep(Math.max(0, end - Date.now()));
  } finally {
    running = false;
    await Promise.all(loops);
  }

  const inWindow = (sample: Sample) => sample.answeredAt >= outage.stopAt;
  const late = (sample: Sample) => sample.answeredAt > outage.startedAt + RECOVERY_MS;
  const errors = phase.samples.filter(errorOf);
  const allowed = errors.filter((sample) => sample.status === 503 && inWindow(sample));
  const broken = errors.filter((sample) => !allowed.includes(sample));
  const unavailable = phase.samples.filter((sample) => sample.status === 503);
  printCounts(phase, started);
  console.log(
    `  errors from the stop on: ${countBy(errors.filter(inWindow), statusName)}; of them more than ${seconds(RECOVERY_MS)} after the start: ${countBy(errors.filter(late), statusName)}`,
  );
  console.log(
    `  errors before the stop: ${countBy(
      errors.filter((sample) => !inWindow(sample)),
      statusName,
    )}`,
  );
  console.log(
    `  outage: stop took ${seconds(outage.stoppedAt - outage.stopAt)}, down ${seconds(outage.startAt - outage.stoppedAt)}, start took ${seconds(outage.startedAt - outage.startAt)}`,
  );
  if (unavailable.length) {
    const first = Math.min(...unavailable.map((sample) => sample.answeredAt));
    const last = Math.max(...unavailable.map((sample) => sample.answeredAt));
    console.log(
      `  first 503 ${seconds(first - outage.stopAt)} after the stop began; last 503 ${seconds(last - outage.startedAt)} after PostgreSQL was back`,
    );
  } else console.log("  no 503 at all");
  console.log("  latency by kind (answered requests):");
  printLatencies(phase);
  for (const sample of broken.slice(0, 10))
    console.log(
      `    broken: ${sample.kind} ${statusName(sample)} via ${sample.instance || "?"} at ${seconds(sample.answeredAt - outage.stopAt)} from the stop`,
    );
  // Every visitor is signed in for its writes: a redirect to /login there means the site could not
  // tell (e.g. the session check failed), not that the visitor was signed out.
  const toLogin = phase.samples.filter(
    (sample) => (sample.kind === "new-form" || sample.kind === "write") && sample.location?.includes("/login"),
  );
  const toLoginTimes = toLogin.map((sample) => seconds(sample.answeredAt - outage.stopAt));
  console.log(
    `  recipe form or write sent to /login: ${toLogin.length}, ${toLogin.filter(inWindow).length} from the stop on${toLogin.length ? ` (from ${toLoginTimes[0]} to ${toLoginTimes.at(-1)} after the stop)` : ""}`,
  );
  console.log(`  logins per visitor (activation included): ${players.map((player) => player.logins).join(", ")}`);
  const dropped = phase.sessionsDropped.map((at) => seconds(at - outage.stopAt)).join(", ");
  console.log(
    `  sessions the site ended without a logout: ${phase.sessionsDropped.length}${dropped ? ` (noticed at ${dropped} from the stop)` : ""}`,
  );
  if (broken.length)
    problems.push(`phase 2: ${broken.length} error answer(s) that are not a 503 from the stop on (${countBy(broken, statusName)})`);
  if (toLogin.length) problems.push(`phase 2: ${toLogin.length} recipe form(s) or write(s) of a signed-in visitor sent to /login`);
  if (phase.sessionsDropped.length) problems.push(`phase 2: ${phase.sessionsDropped.length} session(s) ended by the site without a logout`);
  await checkWrites(stack, phase, problems, "phase 2", { at: outage.stopAt, from: "the stop" });
}
