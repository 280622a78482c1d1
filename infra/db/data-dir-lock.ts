import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

// PGlite has no locking of its own: two processes on one data folder lose or corrupt rows. A lock
// file holding the owner's pid stops a second process; the lock of a process gone is taken over.

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

type LockOwner = { pid: number; command: string; since: string };

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, "utf8"));
    if (parsed && typeof parsed === "object" && "pid" in parsed && typeof parsed.pid === "number") {
      return parsed as LockOwner;
    }
  } catch {
    // unreadable or half-written: treated as stale below
  }
  return null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Takes the lock for `dataDir` or throws DataDirLockedError. Returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      const owner: LockOwner = { pid: process.pid, command: process.argv.slice(1).join(" "), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) {
          try {
            unlinkSync(lockPath);
          } catch {
            // already gone
          }
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockPath);
      // The same process re-opening (a module reloaded by the dev server) keeps its lock.
      if (owner?.pid === process.pid) return () => {};
      if (owner && isRunning(owner.pid)) {
        throw new DataDirLockedError(
          `The embedded database in ${path.resolve(dataDir)} is in use by another process (pid ${owner.pid}: ${owner.command}, since ${owner.since}).\n` +
            "Only one process may open it at a time: stop that process first (for example the dev server, then run this command, then start it again), " +
            `or point PGLITE_DATA_DIR at another folder. If no such process runs, delete ${lockPath}.`,
        );
      }
      try {
        unlinkSync(lockPath);
      } catch {
        // another process removed the stale lock first; try again
      }
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${lockPath} for the embedded database.`);
}
