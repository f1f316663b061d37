import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SyntheticInstance } from "../lib/dicom/synthetic";

// Compressed copies made by DCMTK, a codec independent of ours and of Cornerstone's:
// JPEG-LS lossless (dcmcjpls) and JPEG lossless, process 14 (dcmcjpeg's default).
export type DcmtkCompression = "jpeg-ls" | "jpeg-lossless";

const TOOL: Record<DcmtkCompression, string> = { "jpeg-ls": "dcmcjpls", "jpeg-lossless": "dcmcjpeg" };

export function compressWithDcmtk(instances: readonly SyntheticInstance[], compression: DcmtkCompression): SyntheticInstance[] {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-e2e-dcmtk-"));
  try {
    return instances.map((instance, i) => {
      const input = path.join(dir, `in-${i}.dcm`);
      const output = path.join(dir, `out-${i}.dcm`);
      writeFileSync(input, instance.bytes);
      execFileSync(TOOL[compression], [input, output], { stdio: "pipe" });
      return { ...instance, bytes: new Uint8Array(readFileSync(output)) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
