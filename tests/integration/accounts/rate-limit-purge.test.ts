import { describe, expect, it } from "vitest";
import { database } from "@/infra/db";
import { consumeRequest, purgeExpiredLimits } from "@/infra/rate-limits";

// A file of its own: the purge runs at most once per process every 10 minutes.
describe("expired request counters", () => {
  it("are deleted, and live ones kept, in the background of the first request that counts", async () => {
    const handle = await database();
    const now = Date.now();
    await handle.query("INSERT INTO rate_limits (key, points, expire) VALUES ($1, 3, $2), ($3, 3, $4)", [
      "ip:old-window",
      now - 1_000,
      "ip:live-window",
      now + 600_000,
    ]);
    await consumeRequest("login", { address: "192.0.2.80" });
    const keys = async () =>
      (await handle.query("SELECT key FROM rate_limits WHERE key IN ('ip:old-window', 'ip:live-window')")).rows.map((row) => row.key);
    await expect.poll(keys).toEqual(["ip:live-window"]);

    await handle.query("INSERT INTO rate_limits (key, points, expire) VALUES ($1, 3, $2)", ["ip:old-again", now - 1_000]);
    expect(await purgeExpiredLimits()).toBe(1);
    expect(await keys()).toEqual(["ip:live-window"]);
  });
});
