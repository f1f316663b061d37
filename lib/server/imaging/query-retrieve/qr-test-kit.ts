// Shared by the query/retrieve integration tests: DCMTK's SCU tools and a storescp destination
// as the real peers, studies stored for a site, and the answers findscu writes to files.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import path from "node:path";
import dcmjs from "dcmjs";
import { buildTestStudy, type TestStudy, type TestStudySpec } from "@/lib/testing/qido-test-studies";
import type { ImageDeps } from "../runtime/image-deps";
import { ingestInstance } from "../ingest/ingest-instance";
import { tempDir, type ToolRun } from "../dimse/dimse-test-kit";

export function runDcmtk(tool: "findscu" | "movescu" | "getscu", args: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("latin1")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("latin1")));
    child.once("error", reject);
    child.once("close", (code) => {
      if (process.env.QR_DEBUG) console.log(`${tool} ${args.join(" ")}\n${output}`);
      resolve({ code, output });
    });
  });
}

export const tag = () => randomBytes(3).toString("hex").toUpperCase();

/** A study of `series` built from the pydicom samples and stored for the site as a PACS would. */
export async function storedStudy(deps: ImageDeps, siteId: string, spec: Partial<TestStudySpec> & { patientId: string }): Promise<TestStudy> {
  const study = buildTestStudy({
    patientName: { Alphabetic: `QR${spec.patientId}^Patient` },
    birthDate: "19600101",
    sex: "F",
    studyDate: "20250115",
    studyTime: "101500",
    referringPhysicianName: "",
    studyId: "1",
    accessionNumber: `A${spec.patientId}`.slice(0, 16),
    studyDescription: "QR TEST",
    series: [
      { source: "CT", seriesNumber: 1, seriesDescription: "CT", instances: 2 },
      { source: "MR", seriesNumber: 2, seriesDescription: "MR", instances: 1 },
    ],
    ...spec,
  });
  for (const file of study.files) {
    const outcome = await ingestInstance(deps, { channel: "CSTORE", siteId, senderLabel: "QR test", actorId: null }, file);
    if (outcome.status === "refused") throw new Error(`test study not stored: ${outcome.message}`);
  }
  return study;
}

/** The data sets findscu extracted (-X), naturalized, in answer order. */
export function extractedAnswers(dir: string): Record<string, unknown>[] {
  return readdirSync(dir)
    .filter((name) => /^rsp\d+\.dcm$/.test(name))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name));
      const dicom = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      return dcmjs.data.DicomMetaDictionary.naturalizeDataset(dicom.dict);
    });
}

export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A storescp association profile (DCMTK storescp.cfg format) accepting CT Image Storage only. */
function writeCtOnlyProfile(): string {
  const file = path.join(tempDir(), "ct-only.cfg");
  writeFileSync(
    file,
    `[[TransferSyntaxes]]
[Uncompressed]
TransferSyntax1 = LocalEndianExplicit
TransferSyntax2 = LittleEndianImplicit

[[PresentationContexts]]
[CtOnly]
PresentationContext1 = CTImageStorage\\Uncompressed

[[Profiles]]
[CtOnly]
PresentationContexts = CtOnly
`,
  );
  return file;
}

/** DCMTK storescp as a C-MOVE destination, writing what it receives bit-preserved into `dir`. */
export async function startStoreScp(aeTitle: string, dir: string, options: { ctOnly?: boolean } = {}): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freeTcpPort();
  const profile = options.ctOnly ? ["-xf", writeCtOnlyProfile(), "CtOnly"] : [];
  const child: ChildProcess = spawn("storescp", ["-aet", aeTitle, "+B", "-od", dir, ...profile, String(port)], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error("storescp did not listen within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
