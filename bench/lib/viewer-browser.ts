// Headless Chromium for the viewer bench, launched as the end-to-end tests launch it (same
// binary, same flags: WebGL from SwiftShader) plus --disable-web-security, bench only, so the
// page may read Orthanc's DICOMweb, which cannot send CORS headers. Its processes are found
// under the bench's own process tree, to read their CPU time and memory from /proc.
import { readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import playwrightConfig from "@/playwright.config";
import { cpuSeconds, descendants } from "./proc-stats";

/** next-auth's cookie name over http:// (the __Secure- one is for https). */
const SESSION_COOKIE = "next-auth.session-token";

export const VIEWPORT = { width: 1280, height: 800 };

export async function launchBenchBrowser(): Promise<Browser> {
  const launch = playwrightConfig.use?.launchOptions;
  if (!launch?.executablePath) throw new Error("playwright.config.ts has no launchOptions.executablePath");
  return chromium.launch({ executablePath: launch.executablePath, args: [...(launch.args ?? []), "--disable-web-security"] });
}

/**
 * A fresh browser context (its own HTTP cache, nothing compiled yet) holding the radiologist's
 * session. Every page of it gets the bench's hooks (viewer-page-hooks) before any page script.
 */
export async function newReaderContext(browser: Browser, baseUrl: string, cookie: string, hooks: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "fr-FR" });
  const value = cookie.slice(cookie.indexOf("=") + 1);
  await context.addCookies([{ name: SESSION_COOKIE, value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
  await context.addInitScript({ content: hooks });
  return context;
}

export type ChromiumRole = "browser" | "renderer" | "gpu" | "other";

export interface ChromiumProcess {
  pid: number;
  role: ChromiumRole;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return ""; // exited meanwhile
  }
}

/** Chromium's processes among the bench's descendants, by role (from their --type= switch). */
export function chromiumProcesses(): ChromiumProcess[] {
  return descendants(process.pid).flatMap((pid) => {
    // Chromium rewrites its process title: the arguments may be joined by spaces, not NULs.
    const argv = readOrEmpty(`/proc/${pid}/cmdline`).split(/[\0 ]/);
    if (!argv[0]?.includes("chrom")) return [];
    const type = argv.find((arg) => arg.startsWith("--type="))?.slice("--type=".length);
    const role: ChromiumRole = type === undefined ? "browser" : type === "renderer" ? "renderer" : type === "gpu-process" ? "gpu" : "other";
    return [{ pid, role }];
  });
}

/**
 * Proportional set size (/proc/<pid>/smaps_rollup), bytes: shared pages are divided among the
 * processes sharing them, so sums over Chromium's processes do not count its binary N times.
 */
export function pssBytes(pid: number): number {
  const match = readOrEmpty(`/proc/${pid}/smaps_rollup`).match(/^Pss:\s+(\d+) kB/m);
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

export type ByRole = Record<ChromiumRole, number>;

const zero = (): ByRole => ({ browser: 0, renderer: 0, gpu: 0, other: 0 });

export function chromiumPss(): ByRole {
  const sums = zero();
  for (const { pid, role } of chromiumProcesses()) sums[role] += pssBytes(pid);
  return sums;
}

/**
 * CPU seconds per role, keyed by pid so that a delta only counts processes alive at both ends
 * plus those born meanwhile (a renderer that exited takes its time with it: close enough).
 */
export function chromiumCpu(): Map<number, { role: ChromiumRole; seconds: number }> {
  return new Map(chromiumProcesses().map(({ pid, role }) => [pid, { role, seconds: cpuSeconds(pid) }]));
}

export function cpuDelta(before: ReturnType<typeof chromiumCpu>, after: ReturnType<typeof chromiumCpu>): ByRole {
  const sums = zero();
  for (const [pid, now] of after) sums[now.role] += now.seconds - (before.get(pid)?.seconds ?? 0);
  return sums;
}
