// E2E_PORT_BASE moves the whole set (app, https-enforced app, Resend stand-in, the outage test's
// own PostgreSQL cluster and app), so two suites can run side by side on one machine.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E = {
  appPort: base,
  httpsPort: base + 1,
  resendPort: base + 99,
  outageDbPort: base + 50,
  outageAppPort: base + 51,
  appUrl: `http://localhost:${base}`,
  httpsUrl: `http://localhost:${base + 1}`,
  resendUrl: `http://127.0.0.1:${base + 99}`,
} as const;
