// E2E_PORT_BASE moves the whole set (app, https-enforced app, the accessibility spec's development
// server, the outage and shutdown tests' own PostgreSQL clusters and apps, Resend stand-in), so two suites can run
// side by side on one machine.
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
