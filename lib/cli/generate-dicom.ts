// Writes the synthetic demo set (CT head, its RLE copy, a chest radiograph, an MR head) as
// DICOM Part 10 files, one folder per series, and prints what it wrote. --slices and --size
// shape the CT (and its RLE copy); the radiograph and MR keep their defaults.
//   npx tsx lib/cli/generate-dicom.ts <outDir> [--slices 200] [--size 512] [--accession A]
//     [--seed demo] [--patient-id ID] [--family NAME] [--given NAME] [--birth-date YYYYMMDD]
//     [--sex F|M|O] [--study-date YYYYMMDD] [--institution NAME] [--only ct,ct-rle,dx,mr]
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  chestRadiograph,
  ctHeadSeries,
  mrSeries,
  type SyntheticInstance,
  type SyntheticPatient,
  type SyntheticStudyOptions,
} from "@/lib/dicom/synthetic";

const SERIES_KINDS = ["ct", "ct-rle", "dx", "mr"] as const;
type SeriesKind = (typeof SERIES_KINDS)[number];

const USAGE = `usage: npx tsx lib/cli/generate-dicom.ts <outDir> [--slices N] [--size N] [--accession A] [--seed S]
  [--patient-id ID] [--family NAME] [--given NAME] [--birth-date YYYYMMDD] [--sex F|M|O]
  [--study-date YYYYMMDD] [--institution NAME] [--only ${SERIES_KINDS.join(",")}]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slices: { type: "string" },
    size: { type: "string" },
    accession: { type: "string" },
    seed: { type: "string", default: "demo" },
    "patient-id": { type: "string" },
    family: { type: "string", default: "DEMO" },
    given: { type: "string", default: "Synthese" },
    "birth-date": { type: "string", default: "19580614" },
    sex: { type: "string", default: "F" },
    "study-date": { type: "string" },
    institution: { type: "string" },
    only: { type: "string", default: SERIES_KINDS.join(",") },
    help: { type: "boolean", short: "h" },
  },
});

const outDir = positionals[0];
if (values.help || !outDir || positionals.length > 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

function fail(message: string): never {
  console.error(`generate-dicom: ${message}\n${USAGE}`);
  process.exit(2);
}

function optionalInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a positive integer, got "${raw}"`);
  return Number(raw);
}

function parseSex(raw: string): SyntheticPatient["sex"] {
  if (raw === "F" || raw === "M" || raw === "O") return raw;
  fail(`--sex must be F, M or O, got "${raw}"`);
}

function parseKinds(raw: string): Set<SeriesKind> {
  const kinds = new Set<SeriesKind>();
  for (const part of raw.split(",").map((value) => value.trim())) {
    const kind = SERIES_KINDS.find((candidate) => candidate === part);
    if (!kind) fail(`--only takes ${SERIES_KINDS.join(",")}, got "${part}"`);
    kinds.add(kind);
  }
  return kinds;
}

/** Digits derived from the seed, so reruns without options reproduce the same identifiers. */
function seedDigits(seed: string, label: string, count: number): string {
  const value = createHash("sha256").update(`${seed}/${label}`).digest().readUInt32LE(0);
  return String(value % 10 ** count).padStart(count, "0");
}

const seed = values.seed;
const slices = optionalInteger("slices", values.slices);
const size = optionalInteger("size", values.size);
const kinds = parseKinds(values.only);
const patient: SyntheticPatient = {
  familyName: values.family,
  givenName: values.given,
  birthDate: values["birth-date"],
  sex: parseSex(values.sex),
  patientId: values["patient-id"] ?? `SYN${seedDigits(seed, "patient", 7)}`,
};
// One accession per study, as a requesting system would issue them.
const accessionBase = values.accession ?? `SYN${seedDigits(seed, "accession", 7)}`;

/** Each study gets its own seed (hence its own Study Instance UID); the CT and its RLE copy share one. */
function studyOptions(study: string, accessionNumber: string): SyntheticStudyOptions {
  return {
    seed: `${seed}/${study}`,
    patient,
    accessionNumber,
    ...(values["study-date"] ? { studyDate: values["study-date"] } : {}),
    ...(values.institution ? { institutionName: values.institution } : {}),
  };
}

/** `generate` is called inside so the timing includes generation, one instance at a time. */
async function writeSeries(folder: string, label: string, generate: () => Iterable<SyntheticInstance>): Promise<void> {
  const directory = path.resolve(outDir as string, folder);
  await mkdir(directory, { recursive: true });
  const started = performance.now();
  let count = 0;
  let bytes = 0;
  let first: SyntheticInstance | undefined;
  for (const instance of generate()) {
    await writeFile(path.join(directory, instance.fileName), instance.bytes);
    first ??= instance;
    count++;
    bytes += instance.bytes.length;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${label.padEnd(28)} ${String(count).padStart(4)} files ${(bytes / 1e6).toFixed(1).padStart(7)} MB ${seconds.padStart(6)} s  ${directory}`);
  if (first) console.log(`${"".padEnd(28)} study ${first.studyInstanceUid}  series ${first.seriesInstanceUid}`);
}

try {
  console.log(`patient ${patient.familyName}^${patient.givenName} (${patient.patientId}), seed "${seed}"`);
  const ct = studyOptions("ct-head", accessionBase);
  const dimensions = { ...(slices !== undefined ? { slices } : {}), ...(size !== undefined ? { size } : {}) };
  if (kinds.has("ct")) await writeSeries("ct-head", `CT head (${ct.accessionNumber})`, () => ctHeadSeries({ ...ct, ...dimensions }));
  if (kinds.has("ct-rle")) {
    await writeSeries("ct-head-rle", `CT head RLE (${ct.accessionNumber})`, () => ctHeadSeries({ ...ct, ...dimensions, transferSyntax: "rle" }));
  }
  if (kinds.has("dx")) {
    const chest = studyOptions("chest", `${accessionBase}-DX`);
    await writeSeries("chest-dx", `DX chest (${chest.accessionNumber})`, () => [chestRadiograph(chest)]);
  }
  if (kinds.has("mr")) {
    const mr = studyOptions("mr-head", `${accessionBase}-MR`);
    await writeSeries("mr-head", `MR head (${mr.accessionNumber})`, () => mrSeries(mr));
  }
} catch (error) {
  console.error(`generate-dicom: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
