// E2E_PORT_BASE moves the whole set (app, https-enforced app, the accessibility spec's development
// server, the outage and shutdown tests' own PostgreSQL clusters and apps, the production-parity
// stack, Resend stand-in), so two suites can run side by side on one machine.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E = {
  appPort: base,
  httpsPort: base + 1,
  devPort: base + 2,
  resendPort: base + 99,
  outageDbPort: base + 50,
  outageAppPort: base + 51,
  shutdownDbPort: base + 52,
  shutdownAppPort: base + 53,
  appUrl: `http://localhost:${base}`,
  httpsUrl: `http://localhost:${base + 1}`,
  devUrl: `http://localhost:${base + 2}`,
  resendUrl: `http://127.0.0.1:${base + 99}`,
} as const;

/**
 * The production-parity stack (e2e/parity): a TLS proxy for a public name, two `next start`
 * instances, PgBouncer and a PostgreSQL cluster of its own.
 */
export const PARITY = {
  publicName: "pantry.test",
  httpsPort: base + 60,
  httpPort: base + 61,
  instancePorts: [base + 62, base + 63] as const,
  databasePort: base + 64,
  poolerPort: base + 65,
  publicUrl: `https://pantry.test:${base + 60}`,
  plainUrl: `http://pantry.test:${base + 61}`,
} as const;
