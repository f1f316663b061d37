import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end tests run against the production build, started exactly as `npm start` runs it
// (custom server, embedded PostgreSQL, demo territory) on a fresh data directory.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The test OpenID provider (lib/testing/oidc), standing in for Pro Santé Connect.
const OIDC_PORT = PORT + 21000;
const E2E_OIDC = { issuer: `http://127.0.0.1:${OIDC_PORT}`, clientId: "teleradio-e2e", clientSecret: "teleradio-e2e-secret" };
// An external DICOMweb viewer's origin (e2e/external-viewer.ts), allowed to read by CORS.
const EXTERNAL_VIEWER_ORIGIN = `http://127.0.0.1:${PORT + 1001}`;
const dataDir = process.env.E2E_DATA_DIR ?? path.join(tmpdir(), `teleradio-e2e-${process.pid}`);
// Workers load this file again in processes of their own: they inherit the runner's choice, so
// that a spec reaching the server's database (e2e/fresh-user.ts) finds the same directory.
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON ? [["list"], ["json", { outputFile: process.env.PW_JSON }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
      ],
    },
  },
  // The viewer renders with SwiftShader: its specs run after the others, on their own, so that
  // their WebGL work does not starve the three-browser workflow specs (and the reverse) on two cores.
  projects: [
    { name: "workflow", testIgnore: /(viewer|viewer-failures|real-world-viewer|report)\.spec\.ts$/ },
    { name: "viewer", testMatch: /(viewer|viewer-failures|real-world-viewer|report)\.spec\.ts$/, dependencies: ["workflow"] },
  ],
  webServer: [
    {
      command: "npx tsx lib/testing/oidc/serve-test-oidc-provider.ts",
      url: `${E2E_OIDC.issuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        TEST_OIDC_PORT: String(OIDC_PORT),
        TEST_OIDC_CLIENT_ID: E2E_OIDC.clientId,
        TEST_OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
        TEST_OIDC_REDIRECT_URIS: `http://127.0.0.1:${PORT}/api/auth/callback/oidc`,
        // Access tokens for the specs playing an external client (serve-test-oidc-provider.ts).
        TEST_OIDC_MINT_PORT: String(OIDC_PORT + 1),
      },
    },
    {
      command: "npm run serve",
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(PORT + 51000),
        DICOM_PORT: String(PORT + 11000),
        HL7_PORT: String(PORT + 12000),
        DEMO_MODE: "on",
        // Two browsers with SwiftShader and the server share two cores here: the parse budget
        // (2 s by default, against hostile files) is wall time, so it is widened for the suite.
        DICOM_PARSE_TIMEOUT_MS: "10000",
        // Lets a spec run due jobs on a clock moved ahead (lib/server/jobs/test-clock-handler.ts).
        TELERADIO_TEST_CLOCK: "on",
        // Sign-in with "Pro Santé Connect" goes to the test OpenID provider above.
        OIDC_ISSUER: E2E_OIDC.issuer,
        OIDC_CLIENT_ID: E2E_OIDC.clientId,
        OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
        DICOMWEB_CORS_ORIGINS: EXTERNAL_VIEWER_ORIGIN,
      },
    },
  ],
});
