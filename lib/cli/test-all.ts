// `npm test`: every check and test of the project, in order, with one summary line at the
// end ("N passed, N failed, N skipped") totalling every runner, as CI expects.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const reportDir = mkdtempSync(path.join(tmpdir(), "teleradio-test-"));
// As root the embedded PostgreSQL runs as 'postgres', who must traverse to its data directory.
chmodSync(reportDir, 0o711);
let broken = false;

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) {
    console.log(`=== ${name} FAILED (exit ${result.status ?? result.signal})`);
    broken = true;
  }
  return ok;
}

function readVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function readPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

const skipE2e = process.argv.includes("--no-e2e");

step("lint and types", "npm", ["run", "check"]);

const vitestJson = path.join(reportDir, "vitest.json");
step("unit and integration tests", "npx", ["vitest", "run"], { VITEST_JSON: vitestJson });
readVitest(vitestJson);

if (!skipE2e) {
  if (step("production build", "npm", ["run", "build"])) {
    const playwrightJson = path.join(reportDir, "playwright.json");
    // The e2e server's embedded PostgreSQL lives in the report directory, removed below.
    const e2eData = path.join(reportDir, "e2e-data");
    step("end-to-end tests (Chromium)", "npx", ["playwright", "test"], { PW_JSON: playwrightJson, E2E_DATA_DIR: e2eData });
    readPlaywright(playwrightJson);
  }
}

if (broken && totals.failed === 0) totals.failed = 1; // a broken step counts even when no test reported it
rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken ? 1 : 0);
