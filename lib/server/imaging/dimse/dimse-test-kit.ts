// Shared by the DIMSE integration tests: DCMTK's command-line tools as the real peer, files on
// disk for them to send, and AE senders registered like an administrator would.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOOPBACK_NETWORKS } from "@/lib/domain/network/address-allow-list";
import type { Db } from "../../db/client";

export interface ToolRun {
  code: number | null;
  /** stdout and stderr together: DCMTK logs to both. */
  output: string;
}

/** Runs a DCMTK tool; never rejects on a non-zero exit, which some tests expect. */
export function runTool(tool: "echoscu" | "storescu" | "dcmodify" | "dcmconv", args: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("latin1")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("latin1")));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

// Removed when the test file is done (registered once, when a test file imports this kit).
const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-dimse-"));
  madeDirs.push(dir);
  return dir;
}

export function writeFiles(dir: string, files: readonly { fileName: string; bytes: Uint8Array }[]): string[] {
  return files.map((file) => {
    const target = path.join(dir, file.fileName);
    writeFileSync(target, file.bytes);
    return target;
  });
}

/** A fresh AE title (unique in the territory) registered for the site; by default allowed from this machine only. */
export async function registerAeSender(
  db: Db,
  siteId: string,
  options: { active?: boolean; allowedNetworks?: readonly string[] } = {},
): Promise<{ id: string; aeTitle: string; label: string }> {
  const aeTitle = `MOD_${randomBytes(5).toString("hex").toUpperCase()}`;
  const label = `Scanner ${aeTitle.slice(4)}`;
  const { id } = await db.dicomSender.create({
    data: { siteId, kind: "AE_TITLE", label, aeTitle, active: options.active ?? true, allowedNetworks: [...(options.allowedNetworks ?? LOOPBACK_NETWORKS)] },
    select: { id: true },
  });
  return { id, aeTitle, label };
}

/**
 * A copy of a sample file under new Study, Series and SOP Instance UIDs (meta header too), so
 * each run stores its own instances. DCMTK's dcmodify leaves the pixel data as it was.
 */
export async function copyWithFreshUids(source: string, dir: string, edits: readonly string[] = []): Promise<{ file: string; sopInstanceUid: string }> {
  const file = path.join(dir, path.basename(source));
  copyFileSync(source, file);
  const fresh = () => `2.25.${BigInt(`0x${randomBytes(16).toString("hex")}`).toString(10)}`;
  const sopInstanceUid = fresh();
  const run = await runTool("dcmodify", ["-nb", "-m", `(0020,000D)=${fresh()}`, "-m", `(0020,000E)=${fresh()}`, "-m", `(0008,0018)=${sopInstanceUid}`, ...edits.flatMap((edit) => ["-m", edit]), file]);
  if (run.code !== 0) throw new Error(`dcmodify failed: ${run.output}`);
  return { file, sopInstanceUid };
}
