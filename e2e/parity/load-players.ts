import { PARITY } from "../support/ports";
import { mailsTo } from "../support/test";
import { formWith, type Answer, Visitor } from "./client";

/** The load run's visitors: each with its own loopback address and account, and what one phase of the run saw. */

/** Each visitor logs out and in about this often in the soak; the per-IP login allowance is 30 per 10 minutes. */
export const RELOGIN_EVERY_MS = 25_000;
const MAX_LOGINS_PER_VISITOR = 20;
/** A visitor whose login failed (the database was down) tries again after this long, not at once. */
const LOGIN_RETRY_MS = 2_000;
/** No single action loop runs longer than this, whatever happens to the stack. */
const MAX_ACTIONS_PER_VISITOR = 2_000;
const SESSION_COOKIE = "__Secure-authjs.session-token";
const SEARCHES = [
  "rice,garlic",
  "egg,butter,flour",
  "tomato,onion,garlic",
  "chicken,lemon",
  "potato,cheese",
  "milk,oats",
  "basil,tomato",
  "carrot,onion,celery",
];

export const run = Date.now().toString(36);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const jitter = (min: number, max: number) => min + Math.random() * (max - min);

type Kind = "search" | "view" | "new-form" | "write" | "logout" | "login-form" | "login";
export type Sample = {
  kind: Kind;
  status: number;
  instance: string;
  sentAt: number;
  answeredAt: number;
  location?: string;
  error?: string;
};
export type Write = { id: number; title: string };

/** What one phase saw: every request, and the writes the site acknowledged. */
export class Phase {
  readonly samples: Sample[] = [];
  readonly acknowledged: Write[] = [];
  /** When a visitor found its session cookie gone without having logged out. */
  readonly sessionsDropped: number[] = [];

  /** Sends one request, records its answer (status 0: no answer at all), and returns it if any. */
  async time(kind: Kind, send: () => Promise<Answer>): Promise<Answer | undefined> {
    const sentAt = Date.now();
    try {
      const answer = await send();
      this.samples.push({
        kind,
        status: answer.status,
        instance: instanceNames(answer.instance),
        sentAt,
        answeredAt: Date.now(),
        location: answer.location,
      });
      return answer;
    } catch (error) {
      this.samples.push({
        kind,
        status: 0,
        instance: "",
        sentAt,
        answeredAt: Date.now(),
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }
}

// nginx names every upstream it tried, e.g. "127.0.0.1:<port a>, 127.0.0.1:<port b>" after a retry.
const upstreamNames = new Map(PARITY.instancePorts.map((port, index) => [`127.0.0.1:${port}`, index === 0 ? "a" : "b"]));
const instanceNames = (upstream: string) =>
  upstream
    .split(/\s*,\s*|\s+:\s+/)
    .filter(Boolean)
    .map((address) => upstreamNames.get(address.trim()) ?? address.trim())
    .join("→");

const knownRecipeIds = new Set<number>();
function learnRecipeIds(html: string) {
  for (const [, id] of html.matchAll(/href="\/recipes\/(\d+)"/g)) if (knownRecipeIds.size < 1_000) knownRecipeIds.add(Number(id));
}
const anyKnownRecipe = () => [...knownRecipeIds][Math.floor(Math.random() * knownRecipeIds.size)];

async function mailedLink(email: string, pathPart: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const link = (await mailsTo(email))
      .at(-1)
      ?.text.match(/https?:\/\/\S+/g)
      ?.find((url) => url.includes(pathPart));
    if (link) return link;
    await sleep(200);
  }
  throw new Error(`no ${pathPart} mail for ${email}`);
}

export type Player = {
  index: number;
  visitor: Visitor;
  email: string;
  password: string;
  lastPage?: { path: string; answer: Answer };
  /** Whether the visitor believes it is signed in (it logged in and has not logged out since). */
  signedIn: boolean;
  logins: number;
  lastLoginAt: number;
  written: number;
};

/** Registers and activates an account through the real forms, from the player's own address. */
export async function enrol(index: number): Promise<Player> {
  const visitor = new Visitor({ sourceAddress: `127.0.0.${101 + index}`, timeoutMs: 20_000 });
  const email = `load-${run}-${index}@example.com`;
  const password = "a long and unusual load passphrase";
  const registered = await visitor.submit("/register", await visitor.get("/register"), formWith("name"), {
    name: `Load ${index}`,
    email,
    password,
  });
  if (registered.status !== 303) throw new Error(`register ${email}: ${registered.status}`);
  const activation = new URL(await mailedLink(email, "/activate/")).pathname;
  const confirmed = await visitor.submit(activation, await visitor.get(activation), formWith("password", "Confirm my account"), {
    password,
  });
  if (confirmed.status !== 303 || !visitor.cookies.has(SESSION_COOKIE)) throw new Error(`activate ${email}: ${confirmed.status}`);
  return { index, visitor, email, password, signedIn: true, logins: 1, lastLoginAt: Date.now(), written: 0 };
}

async function search(phase: Phase, player: Player) {
  const path = `/?ingredients=${encodeURIComponent(SEARCHES[Math.floor(Math.random() * SEARCHES.length)]!)}`;
  const answer = await phase.time("search", () => player.visitor.get(path));
  if (answer?.status === 200) {
    learnRecipeIds(answer.body);
    player.lastPage = { path, answer };
  }
}

async function view(phase: Phase, player: Player) {
  const id = anyKnownRecipe();
  if (id === undefined) return search(phase, player);
  await phase.time("view", () => player.visitor.get(`/recipes/${id}`));
}

/** The no-JS recipe form, with a title no other write uses. */
async function write(phase: Phase, player: Player) {
  const form = await phase.time("new-form", () => player.visitor.get("/recipes/new"));
  if (form?.status !== 200) return;
  const title = `Load ${run} v${player.index} #${++player.written}`;
  const fields = {
    title,
    summary: "Written by the parity load run.",
    ingredients: "2 cups rice\n1 clove garlic\n1 onion",
    steps: "Rinse the rice.\nCook everything.",
    servings: "2",
    prepMinutes: "5",
    cookMinutes: "20",
  };
  const saved = await phase.time("write", () => player.visitor.submit("/recipes/new", form, formWith("title"), fields));
  const id = saved?.status === 303 ? saved.location?.match(/^\/recipes\/(\d+)$/)?.[1] : undefined;
  if (id) {
    phase.acknowledged.push({ id: Number(id), title });
    knownRecipeIds.add(Number(id));
  }
}

/** Logs out through the user menu of the last page seen, then in again through /login. */
async function relogin(phase: Phase, player: Player) {
  player.lastLoginAt = Date.now();
  const menuPage = player.lastPage;
  if (menuPage && menuPage.answer.body.includes(">Log out<")) {
    await phase.time("logout", () => player.visitor.submit(menuPage.path, menuPage.answer, (form) => form.html.includes(">Log out<"), {}));
  }
  player.signedIn = false;
  player.visitor.cookies.delete(SESSION_COOKIE);
  const form = await phase.time("login-form", () => player.visitor.get("/login"));
  if (form?.status !== 200) return;
  player.logins++;
  const answer = await phase.time("login", () =>
    player.visitor.submit("/login", form, formWith("callbackUrl"), { email: player.email, password: player.password, callbackUrl: "/" }),
  );
  player.signedIn = answer?.status === 303 && player.visitor.cookies.has(SESSION_COOKIE);
}

type Mix = { search: number; view: number; relogin: boolean };

/** One visitor's loop: paced actions until `running()` turns false, or the action cap. */
export async function play(phase: Phase, player: Player, running: () => boolean, mix: Mix) {
  for (let action = 0; action < MAX_ACTIONS_PER_VISITOR && running(); action++) {
    const dice = Math.random();
    const signedOut = !player.visitor.cookies.has(SESSION_COOKIE);
    if (signedOut && player.signedIn) {
      phase.sessionsDropped.push(Date.now());
      player.signedIn = false;
    }
    const sinceLogin = Date.now() - player.lastLoginAt;
    const loginDue = signedOut
      ? sinceLogin > LOGIN_RETRY_MS
      : mix.relogin && sinceLogin > jitter(RELOGIN_EVERY_MS * 0.8, RELOGIN_EVERY_MS * 1.2);
    if (loginDue && player.logins < MAX_LOGINS_PER_VISITOR) await relogin(phase, player);
    // Only a signed-in visitor writes: a signed-out one waiting to log in again browses meanwhile.
    else if (dice < mix.search || signedOut) await search(phase, player);
    else if (dice < mix.search + mix.view) await view(phase, player);
    else await write(phase, player);
    // Steady, not a flood: one machine runs the proxy, both instances, PgBouncer and PostgreSQL.
    await sleep(jitter(250, 600));
  }
}
