import { database } from "./index";

/** Server start-up: open + migrate. */
export async function prepareDatabase(): Promise<void> {
  const handle = await database();
  console.log(JSON.stringify({ level: "info", event: "database.ready", driver: handle.driver }));
}
