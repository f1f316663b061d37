import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import dicomParser from "dicom-parser";
import type { SyntheticInstance } from "../lib/dicom/synthetic";

// Series that fail in the viewer, made at test time from valid files with independent tools:
// GDCM transcodes to JPEG 2000, then the codestream inside the Pixel Data fragment is cut
// short (the item length rewritten, so the file itself stays well formed: only the decoder
// fails). DCMTK's dcmodify moves real-world files into the test's study.

function uid(): string {
  return `2.25.${BigInt(`0x${randomBytes(15).toString("hex")}`).toString()}`;
}

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-e2e-failing-"));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same images as a new series of the same study (new series and SOP UIDs, its own number and description). */
export function asNewSeries(instances: readonly SyntheticInstance[], series: { number: number; description: string; modality?: string }): SyntheticInstance[] {
  const seriesInstanceUid = uid();
  return inTempDir((dir) =>
    instances.map((instance, i) => {
      const file = path.join(dir, `${i}.dcm`);
      writeFileSync(file, instance.bytes);
      const sopInstanceUid = uid();
      const edits = [`(0020,000e)=${seriesInstanceUid}`, `(0008,0018)=${sopInstanceUid}`, `(0020,0011)=${series.number}`, `(0008,103e)=${series.description}`];
      if (series.modality !== undefined) edits.push(`(0008,0060)=${series.modality}`);
      execFileSync("dcmodify", ["-nb", "-ie", ...edits.flatMap((edit) => ["-m", edit]), file], { stdio: "pipe" });
      return { ...instance, seriesInstanceUid, sopInstanceUid, bytes: new Uint8Array(readFileSync(file)) };
    }),
  );
}

/** JPEG 2000 (lossless) copies made by GDCM. */
export function toJpeg2000(instances: readonly SyntheticInstance[]): SyntheticInstance[] {
  return inTempDir((dir) =>
    instances.map((instance, i) => {
      const input = path.join(dir, `in-${i}.dcm`);
      const output = path.join(dir, `out-${i}.dcm`);
      writeFileSync(input, instance.bytes);
      execFileSync("gdcmconv", ["--j2k", input, output], { stdio: "pipe" });
      return { ...instance, bytes: new Uint8Array(readFileSync(output)) };
    }),
  );
}

/**
 * Cuts the JPEG 2000 codestream of a single-frame encapsulated file to its first `keep` bytes
 * (its main header starts, no tile data): every fragment after the first is dropped and the
 * first item's length rewritten, so the DICOM file parses and is stored, and the frame does
 * not decode.
 */
export function truncateCodestream(instance: SyntheticInstance, keep = 64): SyntheticInstance {
  const file = instance.bytes;
  const pixelData = dicomParser.parseDicom(file).elements.x7fe00010;
  const fragments = pixelData?.fragments;
  const first = fragments?.[0];
  const last = fragments?.[fragments.length - 1];
  if (!pixelData || !first || !last) throw new Error(`${instance.fileName}: no encapsulated pixel data to truncate`);
  // dicom-parser's fragment offsets count from the first fragment's item tag.
  const start = pixelData.dataOffset + 8 + (pixelData.basicOffsetTable?.length ?? 0) * 4;
  const firstData = start + first.offset + 8;
  const lastEnd = start + last.offset + 8 + last.length;
  const kept = Math.min(keep, first.length) & ~1;
  const out = new Uint8Array(file.length - (lastEnd - firstData) + kept);
  out.set(file.subarray(0, firstData + kept), 0);
  out.set(file.subarray(lastEnd), firstData + kept);
  new DataView(out.buffer).setUint32(firstData - 4, kept, true);
  return { ...instance, bytes: out };
}

/** A real-world file moved into the test's study and patient, as a series of its own. */
export function realWorldFile(
  source: string,
  target: { studyInstanceUid: string; accessionNumber: string; patientName: string; patientId: string; birthDate: string; sex: string },
  series: { number: number; description: string; modality: string },
): SyntheticInstance {
  return inTempDir((dir) => {
    const file = path.join(dir, "in.dcm");
    writeFileSync(file, readFileSync(source));
    const seriesInstanceUid = uid();
    const sopInstanceUid = uid();
    const edits = [
      `(0020,000d)=${target.studyInstanceUid}`,
      `(0020,000e)=${seriesInstanceUid}`,
      `(0008,0018)=${sopInstanceUid}`,
      `(0008,0050)=${target.accessionNumber}`,
      `(0010,0010)=${target.patientName}`,
      `(0010,0020)=${target.patientId}`,
      `(0010,0030)=${target.birthDate}`,
      `(0010,0040)=${target.sex}`,
      `(0020,0011)=${series.number}`,
      `(0008,103e)=${series.description}`,
      `(0008,0060)=${series.modality}`,
    ];
    execFileSync("dcmodify", ["-nb", "-ie", "-i", edits[0]!, ...edits.slice(1).flatMap((edit) => ["-i", edit]), file], { stdio: "pipe" });
    return { sopInstanceUid, seriesInstanceUid, studyInstanceUid: target.studyInstanceUid, fileName: path.basename(source), bytes: new Uint8Array(readFileSync(file)) };
  });
}
