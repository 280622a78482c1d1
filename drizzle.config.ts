import { defineConfig } from "drizzle-kit";

// Migrations are generated from infra/db/schema.ts and applied by infra/db/migrate.ts on both drivers.
export default defineConfig({
  dialect: "postgresql",
  schema: "./infra/db/schema.ts",
  out: "./infra/db/migrations",
  strict: true,
  verbose: true,
});
