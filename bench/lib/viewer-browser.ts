// Headless Chromium for the viewer bench, launched as the end-to-end tests launch it (same
// binary, same flags: WebGL from SwiftShader) plus --disable-web-security, bench only, so the
// page may read Orthanc's DICOMweb, which cannot send CORS headers. Each browser runs on a
// profile directory of its own, as a radiologist's browser does: an incognito context keeps
// no compiled code between visits, a profile keeps V8's code cache next to its HTTP cache.
// Its processes are found under the bench's own process tree, to read CPU and memory.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import playwrightConfig from "@/playwright.config";
import { cpuSeconds, descendants, machineCpuSeconds } from "./proc-stats";

/** next-auth's cookie name over http:// (the __Secure- one is for https). */
const SESSION_COOKIE = "next-auth.session-token";

export const VIEWPORT = { width: 1280, height: 800 };

export interface ReaderBrowser {
  context: BrowserContext;
  /** Chromium's version, e.g. "156.0.8078.79". */
  version: string;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

/**
 * A new browser on a new profile (nothing cached, nothing compiled) holding the radiologist's
 * session. Every page gets the bench's hooks (viewer-page-hooks) before any page script.
 */
export async function launchReaderBrowser(baseUrl: string, cookie: string, hooks: string): Promise<ReaderBrowser> {
  const launch = playwrightConfig.use?.launchOptions;
  if (!launch?.executablePath) throw new Error("playwright.config.ts has no launchOptions.executablePath");
  const profile = mkdtempSync(path.join(tmpdir(), "viewer-bench-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    args: [...(launch.args ?? []), "--disable-web-security"],
    viewport: VIEWPORT,
    locale: "fr-FR",
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const value = cookie.slice(cookie.indexOf("=") + 1);
    // Expiring like next-auth's own cookie (a session cookie would go with the browser session).
    const expires = Math.floor(Date.now() / 1000) + 12 * 3600;
    await context.addCookies([{ name: SESSION_COOKIE, value, url: baseUrl, httpOnly: true, sameSite: "Lax", expires }]);
    await context.addInitScript({ content: hooks });
    // The first tab (about:blank) stays open: each opening gets a page of its own beside it.
    return { context, version: context.browser()?.version() ?? "unknown", close };
  } catch (error) {
    await close();
    throw error;
  }
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

export interface ChromiumMemory {
  /** PSS of the page's renderer process: the largest renderer (the others are Chromium's own, < 80 MB). */
  rendererPss: number;
  /** PSS of the GPU process: with SwiftShader, WebGL textures live in its memory. */
  gpuPss: number;
  /** PSS of all of Chromium's processes (browser, network service, other renderers...). */
  totalPss: number;
}

export function chromiumMemory(): ChromiumMemory {
  const memory: ChromiumMemory = { rendererPss: 0, gpuPss: 0, totalPss: 0 };
  for (const { pid, role } of chromiumProcesses()) {
    const pss = pssBytes(pid);
    memory.totalPss += pss;
    if (role === "renderer") memory.rendererPss = Math.max(memory.rendererPss, pss);
    if (role === "gpu") memory.gpuPss += pss;
  }
  return memory;
}

export type ByRole = Record<ChromiumRole, number>;

/**
 * CPU seconds per process, so that a delta only counts processes alive at both ends plus those
 * born meanwhile (a process that exited takes its time with it: close enough here).
 */
export function chromiumCpu(): Map<number, { role: ChromiumRole; seconds: number }> {
  return new Map(chromiumProcesses().map(({ pid, role }) => [pid, { role, seconds: cpuSeconds(pid) }]));
}

export function cpuDelta(before: ReturnType<typeof chromiumCpu>, after: ReturnType<typeof chromiumCpu>): ByRole {
  const sums: ByRole = { browser: 0, renderer: 0, gpu: 0, other: 0 };
  for (const [pid, now] of after) sums[now.role] += now.seconds - (before.get(pid)?.seconds ?? 0);
  return sums;
}

const QUIET_CORES = 0.3;
const QUIET_SAMPLE_MS = 250;

/**
 * Waits until the machine is nearly idle (two samples in a row under 0.3 busy cores), at most
 * `timeoutMs`: a new tab starts Chromium's own WebUI renderers, and the previous opening's
 * page may still be exiting; neither should take CPU from the one measured. False on timeout.
 */
export async function waitForQuiet(timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let calm = 0;
  let previous = machineCpuSeconds().busy;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_SAMPLE_MS));
    const busy = machineCpuSeconds().busy;
    calm = (busy - previous) / (QUIET_SAMPLE_MS / 1000) < QUIET_CORES ? calm + 1 : 0;
    previous = busy;
    if (calm >= 2) return true;
  }
  return false;
}
