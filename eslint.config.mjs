import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

/**
 * The layers of docs/architecture.md. A module imports its own layer and the layers below it,
 * never one above: app → web → auth → core → infra. Components belong to app's layer but never
 * import a route; the tools (scripts, bench) sit beside app on core and infra; tests import anything.
 */
const FORBIDDEN_ABOVE = {
  infra: ["core", "auth", "web", "app", "components", "scripts", "bench", "middleware.ts", "instrumentation.ts"],
  core: ["auth", "web", "app", "components", "scripts", "bench", "middleware.ts", "instrumentation.ts"],
  auth: ["web", "app", "components", "scripts", "bench", "middleware.ts", "instrumentation.ts"],
  web: ["app", "components", "scripts", "bench", "middleware.ts", "instrumentation.ts"],
  components: ["app", "scripts", "bench"],
  app: ["scripts", "bench"],
  scripts: ["app", "components", "web", "auth", "bench", "middleware.ts"],
  bench: ["app", "components"],
};
const TEST_CODE = ["tests", "e2e"];

const layerZones = Object.entries(FORBIDDEN_ABOVE).map(([layer, above]) => ({
  target: `./${layer}`,
  from: [...above, ...TEST_CODE].map((dir) => `./${dir}`),
  message: `${layer}/ imports only its own layer and the ones below: app → web → auth → core → infra (docs/architecture.md).`,
}));

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  {
    // The domain and the infrastructure run outside Next too (scripts, benchmarks, tests).
    files: ["core/**/*.{ts,tsx}", "infra/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "next-auth", "next-auth/*"],
              message: "core/ and infra/ never import Next or Auth.js: that belongs in web/ or auth/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [
      ".next/**",
      "bench/.build/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "infra/db/migrations/**",
    ],
  },
];

export default config;
