import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux x86-64). */
const TICKS_PER_SECOND = 100;

type ProcStat = { pid: number; ppid: number; ticks: number };

/** A /proc stat file (a process's or a thread's): its parent and CPU ticks so far; null once it is gone. */
function readStat(file: string, pid: number): ProcStat | null {
  try {
    const text = readFileSync(file, "utf8");
    // The command name may hold spaces and parentheses: the fields start after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // Fields from "state" (3rd of the full line): ppid is the 4th, utime the 14th and stime the 15th.
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds (user + system) a process and its descendants have used so far, from /proc.
 * Unlike requests per second, it does not move with what else the machine runs.
 */
export function processTreeCpuMs(rootPid: number): number {
  const stats = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => readStat(`/proc/${entry}/stat`, Number(entry)) ?? []);
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let ticks = 0;
  const pending = stats.filter((stat) => stat.pid === rootPid);
  while (pending.length > 0) {
    const stat = pending.pop()!;
    ticks += stat.ticks;
    pending.push(...(children.get(stat.pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU milliseconds (user + system) the process's main thread (the event loop) has used so far; its thread pool is not counted. */
export function mainThreadCpuMs(pid: number): number {
  const stat = readStat(`/proc/${pid}/task/${pid}/stat`, pid);
  return stat ? (stat.ticks * 1000) / TICKS_PER_SECOND : Number.NaN;
}
