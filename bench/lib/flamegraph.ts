type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
type Frame = { name: string; group: string; ms: number; children: Map<string, Frame> };

const WIDTH = 1600;
const ROW = 17;
const MIN_PX = 0.4;

/** Where a frame's code comes from, the colour of its box: "bundle" is the server build's chunks (the app with React, Auth.js, Drizzle, zod), "middleware" the Edge sandbox's (Next's adapter with the app's middleware). */
function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? "runtime" : "native";
  if (url.startsWith("wasm://")) return "pglite";
  if (url.includes("@electric-sql/pglite")) return "pglite";
  if (url.includes("/server/edge/")) return "middleware";
  if (url.includes("node_modules/next/")) return "next";
  if (url.startsWith("node:")) return "node";
  if (url.includes("/.next/server/")) return "bundle";
  return "other";
}

const COLOURS: Record<string, string> = {
  bundle: "#e8a33d",
  middleware: "#d95f5f",
  next: "#6f8fd8",
  pglite: "#58b38a",
  node: "#b7b7b7",
  native: "#9c9c9c",
  runtime: "#cfcfcf",
  other: "#c58fd6",
};

function label(frame: CallFrame): string {
  const file = frame.url.split("/").pop() ?? "";
  const name = frame.functionName || "(anonymous)";
  return file ? `${name} ${file}:${frame.lineNumber + 1}` : name;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export type FlameGraph = {
  svg: string;
  /** Busy (non-idle) and idle milliseconds in the window. */
  busyMs: number;
  idleMs: number;
  /** Self time per colour group (where the code comes from), busiest first. */
  groups: { group: string; ms: number }[];
};

/**
 * A flame graph of `profile`. `during`: only the samples between the first and the last one whose
 * stack holds that function; `per`: also label frames with their milliseconds per unit of work.
 */
export function flameGraph(
  profile: Profile,
  { title, during, per }: { title: string; during?: string; per?: { count: number; unit: string } | null },
): FlameGraph {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stackOf = (id: number): ProfileNode[] => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) stack.unshift(byId.get(at)!);
    return stack;
  };

  let clock = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (clock += delta));
  let from = -Infinity;
  let to = Infinity;
  if (during) {
    const marked = profile.samples.flatMap((id, i) =>
      stackOf(id).some((node) => node.callFrame.functionName === during) ? [times[i]!] : [],
    );
    if (marked.length === 0) throw new Error(`no sample runs ${during}`);
    [from, to] = [marked[0]!, marked.at(-1)!];
  }

  const root: Frame = { name: "all", group: "runtime", ms: 0, children: new Map() };
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    if (times[i]! < from || times[i]! > to) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const stack = stackOf(id).slice(1); // "(root)"
    if (stack.at(-1)?.callFrame.functionName === "(idle)") {
      idleMs += ms;
      return;
    }
    root.ms += ms;
    let frame = root;
    for (const node of stack) {
      const name = label(node.callFrame);
      let child = frame.children.get(name);
      if (!child) frame.children.set(name, (child = { name, group: groupOf(node.callFrame), ms: 0, children: new Map() }));
      child.ms += ms;
      frame = child;
    }
  });

  const scale = WIDTH / root.ms;
  const figure = (ms: number) =>
    `${ms.toFixed(0)} ms, ${((ms / root.ms) * 100).toFixed(1)}% of busy time${per ? `, ${(ms / per.count).toFixed(2)} ms per ${per.unit}` : ""}`;
  const visible = (frame: Frame) => [...frame.children.values()].filter((child) => child.ms * scale >= MIN_PX);
  const depthOf = (frame: Frame): number => Math.max(0, ...visible(frame).map((child) => 1 + depthOf(child)));
  const top = 56;
  const height = top + (depthOf(root) + 1) * ROW + 10;
  const boxes: string[] = [];
  // Root at the bottom: a frame's callers sit under it.
  const draw = (frame: Frame, x: number, level: number) => {
    const y = height - 10 - (level + 1) * ROW;
    const width = frame.ms * scale;
    const text =
      width > 40
        ? `<text x="${(x + 3).toFixed(1)}" y="${y + ROW - 5}">${escapeXml(frame.name.slice(0, Math.floor(width / 6.5)))}</text>`
        : "";
    boxes.push(
      `<g><title>${escapeXml(`${frame.name}: ${figure(frame.ms)}`)}</title><rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${ROW - 1}" fill="${COLOURS[frame.group]}"/>${text}</g>`,
    );
    let childX = x;
    for (const child of [...frame.children.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (child.ms * scale >= MIN_PX) draw(child, childX, level + 1);
      childX += child.ms * scale;
    }
  };
  draw(root, 0, 0);

  const window = during ? `while ${during} ran (${((to - from) / 1e6).toFixed(1)} s)` : "whole profile";
  const legend = Object.entries(COLOURS)
    .map(
      ([group, colour], i) =>
        `<rect x="${8 + i * 120}" y="34" width="12" height="12" fill="${colour}"/><text x="${24 + i * 120}" y="45">${group}</text>`,
    )
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="monospace" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="8" y="18" font-size="14">${escapeXml(`${title}: ${window}; busy ${root.ms.toFixed(0)} ms, idle ${idleMs.toFixed(0)} ms${per ? `; ${per.count} ${per.unit}s, ${(root.ms / per.count).toFixed(1)} busy ms per ${per.unit}` : ""}`)}</text>
${legend}
${boxes.join("\n")}
</svg>
`;
  const groups = new Map<string, number>();
  const addSelf = (frame: Frame) => {
    const childMs = [...frame.children.values()].reduce((sum, child) => sum + child.ms, 0);
    if (frame !== root) groups.set(frame.group, (groups.get(frame.group) ?? 0) + frame.ms - childMs);
    for (const child of frame.children.values()) addSelf(child);
  };
  addSelf(root);
  return {
    svg,
    busyMs: root.ms,
    idleMs,
    groups: [...groups].map(([group, ms]) => ({ group, ms })).sort((a, b) => b.ms - a.ms),
  };
}
