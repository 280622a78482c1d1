/**
 * `npm run bench:flamegraph -- <file.cpuprofile> <out.svg> [--during=<function>] [--per=<count>:<unit>]`:
 * a flame graph (SVG, root at the bottom, hover a frame for its figures) of a V8 CPU profile such as
 * `node --cpu-prof` writes. `--during=pbkdf2` keeps only the samples between the first and the last
 * one whose stack holds that function (the load, not the server's start-up); `--per=126:login`
 * labels each frame with its milliseconds per login as well. Idle samples are left out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { flameGraph, type Profile } from "./lib/flamegraph";

function main() {
  const [input, output] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!input || !output) throw new Error("usage: bench:flamegraph -- <file.cpuprofile> <out.svg> [--during=<function>] [--per=<n>:<unit>]");
  const option = (name: string) =>
    process.argv
      .find((arg) => arg.startsWith(`--${name}=`))
      ?.split("=")
      .slice(1)
      .join("=");
  const [perCount, perUnit] = (option("per") ?? "").split(":");
  const per = Number(perCount) > 0 ? { count: Number(perCount), unit: perUnit || "request" } : null;
  const profile = JSON.parse(readFileSync(input, "utf8")) as Profile;
  const graph = flameGraph(profile, { title: input.split("/").pop()!, during: option("during"), per });
  writeFileSync(output, graph.svg);
  console.log(`${output}: busy ${graph.busyMs.toFixed(0)} ms, idle ${graph.idleMs.toFixed(0)} ms`);
  for (const { group, ms } of graph.groups)
    console.log(`  ${group.padEnd(10)} ${ms.toFixed(0)} ms${per ? ` (${(ms / per.count).toFixed(2)} per ${per.unit})` : ""}`);
}

main();
