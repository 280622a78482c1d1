export const E2E = {
  appPort: 3100,
  httpsPort: 3101,
  resendPort: 3199,
  appUrl: "http://localhost:3100",
  httpsUrl: "http://localhost:3101",
  resendUrl: "http://127.0.0.1:3199",
} as const;
