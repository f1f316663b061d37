import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import { ctHeadSeries, type SyntheticPatient } from "@/lib/dicom/synthetic";
import { RLE_LOSSLESS } from "@/lib/dicom/transfer-syntaxes";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { copyWithFreshUids, registerAeSender, runTool, tempDir, writeFiles } from "./dimse-test-kit";
import { type DicomListener, startDicomListener } from "./start-dicom-listener";

const db = connectTestDb();
const deps = testImageDeps(db);
const CALLED_AE = "TELERAD_IT";
const logs: string[] = [];
let listener: DicomListener;

beforeAll(async () => {
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: (line) => logs.push(line) });
});
afterAll(() => listener.close());

const peer = () => ["127.0.0.1", String(listener.port)];
const echo = (callingAe: string, calledAe = CALLED_AE) => runTool("echoscu", ["-aet", callingAe, "-aec", calledAe, ...peer()]);
const store = (callingAe: string, files: readonly string[], extra: readonly string[] = []) =>
  runTool("storescu", ["-aet", callingAe, "-aec", CALLED_AE, ...extra, ...peer(), ...files]);

async function siteWithSender() {
  const site = await createSite(db);
  const sender = await registerAeSender(db, site.id);
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const patient: SyntheticPatient = { familyName: `MARTIN${tag}`, givenName: "PAUL", birthDate: "19480105", sex: "M", patientId: `IPP${tag}` };
  return { site, sender, patient, seed: `dimse-${tag}` };
}

const rowsOf = (sopInstanceUids: readonly string[]) =>
  db.dicomInstance.findMany({
    where: { sopInstanceUid: { in: [...sopInstanceUids] } },
    select: { sopInstanceUid: true, channel: true, senderLabel: true, transferSyntaxUid: true, storageKey: true, series: { select: { study: { select: { siteId: true } } } } },
  });

/** The data set after the File Meta Information: what the sender meant, whatever meta header wraps it. */
const datasetOf = (bytes: Uint8Array) => bytes.subarray(readMetaHeader(bytes).datasetOffset);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** storescu's association profile format (DCMTK storescu.cfg). */
const DEFLATED_ONLY_PROFILE = `[[TransferSyntaxes]]
[Deflated]
TransferSyntax1 = DeflatedLittleEndianExplicit

[[PresentationContexts]]
[CtDeflated]
PresentationContext1 = CTImageStorage\\Deflated

[[Profiles]]
[DeflatedOnly]
PresentationContexts = CtDeflated
`;

describe("the DICOM listener (C-ECHO, C-STORE)", () => {
  it("answers C-ECHO from a registered AE title and rejects unknown or inactive ones and other called AE titles", async () => {
    const { site, sender } = await siteWithSender();
    expect((await echo(sender.aeTitle)).code).toBe(0);

    const unknown = await echo("NOT_REGISTERED");
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toMatch(/Association Rejected/i);
    expect(logs.some((line) => line.includes("NOT_REGISTERED") && line.includes("calling AE title not recognized"))).toBe(true);

    const inactive = await registerAeSender(db, site.id, { active: false });
    expect((await echo(inactive.aeTitle)).code).not.toBe(0);

    const wrongCalled = await echo(sender.aeTitle, "SOMEONE_ELSE");
    expect(wrongCalled.code).not.toBe(0);
    expect(wrongCalled.output).toMatch(/Called AE Title Not Recognized/i);
  });

  it("stores nothing sent from an unknown AE title", async () => {
    const { seed, patient } = await siteWithSender();
    const [instance] = [...ctHeadSeries({ seed, patient, slices: 1, size: 32 })];
    const sent = await store("NOT_REGISTERED", writeFiles(tempDir(), [instance!]));
    expect(sent.code).not.toBe(0);
    expect(await rowsOf([instance!.sopInstanceUid])).toEqual([]);
  });

  it("stores what storescu sends under the sender's site, and accepts the same instances again without duplicating them", async () => {
    const { site, sender, seed, patient } = await siteWithSender();
    const instances = [...ctHeadSeries({ seed, patient, slices: 3, size: 64 })];
    const files = writeFiles(tempDir(), instances);
    const uids = instances.map((i) => i.sopInstanceUid);

    const first = await store(sender.aeTitle, files);
    expect(first.code, first.output).toBe(0);
    const rows = await rowsOf(uids);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ channel: "CSTORE", senderLabel: `AE ${sender.aeTitle} (${sender.label})`, series: { study: { siteId: site.id } } });
    }
    // Byte for byte the data set storescu read from disk (explicit VR little endian both sides).
    const stored = await deps.archive.get(rows.find((r) => r.sopInstanceUid === uids[0])!.storageKey);
    expect(sha256(datasetOf(stored))).toBe(sha256(datasetOf(instances[0]!.bytes)));
    expect(readMetaHeader(stored)).toMatchObject({ mediaStorageSopInstanceUid: uids[0], transferSyntaxUid: "1.2.840.10008.1.2.1" });

    const again = await store(sender.aeTitle, files);
    expect(again.code, again.output).toBe(0);
    expect(await rowsOf(uids)).toHaveLength(3);
  });

  it("keeps RLE Lossless as sent: same transfer syntax, byte-identical encapsulated pixel data", async () => {
    const { sender, seed, patient } = await siteWithSender();
    const instances = [...ctHeadSeries({ seed, patient, slices: 2, size: 128, transferSyntax: "rle" })];
    // -xr: propose RLE Lossless (storescu cannot decompress it to propose anything else).
    const sent = await store(sender.aeTitle, writeFiles(tempDir(), instances), ["-xr"]);
    expect(sent.code, `${sent.output}\n${logs.join("\n")}`).toBe(0);

    const rows = await rowsOf(instances.map((i) => i.sopInstanceUid));
    expect(rows.map((r) => r.transferSyntaxUid)).toEqual([RLE_LOSSLESS, RLE_LOSSLESS]);
    for (const instance of instances) {
      const row = rows.find((r) => r.sopInstanceUid === instance.sopInstanceUid)!;
      const stored = await deps.archive.get(row.storageKey);
      expect(sha256(datasetOf(stored))).toBe(sha256(datasetOf(instance.bytes)));
    }
  });

  it("takes the first transfer syntax the peer proposes that the archive stores, and refuses contexts with none", async () => {
    const { sender, seed, patient } = await siteWithSender();
    const [first, second] = [...ctHeadSeries({ seed, patient, slices: 2, size: 32 })];
    const dir = tempDir();
    const [littleEndian, otherLittleEndian] = writeFiles(dir, [first!, second!]);
    const bigEndian = path.join(dir, "big-endian.dcm");
    const deflated = path.join(dir, "deflated.dcm");
    expect((await runTool("dcmconv", ["+tb", littleEndian!, bigEndian])).code).toBe(0);
    expect((await runTool("dcmconv", ["+td", otherLittleEndian!, deflated])).code).toBe(0);

    // -xb proposes Explicit VR Big Endian first (retired, not stored), then the little endian ones.
    const big = await store(sender.aeTitle, [bigEndian], ["-xb"]);
    expect(big.code, big.output).toBe(0);
    expect(await rowsOf([first!.sopInstanceUid])).toMatchObject([{ transferSyntaxUid: "1.2.840.10008.1.2.1" }]);

    // A sender configured to propose Deflated Explicit VR Little Endian only.
    const config = path.join(dir, "deflated-only.cfg");
    writeFileSync(config, DEFLATED_ONLY_PROFILE);
    const onlyDeflated = await store(sender.aeTitle, [deflated], ["-xf", config, "DeflatedOnly"]);
    expect(onlyDeflated.code).not.toBe(0);
    expect(onlyDeflated.output).toMatch(/no presentation context|no acceptable presentation context/i);
    expect(await rowsOf([second!.sopInstanceUid])).toEqual([]);
  });

  it("stores real-world samples: implicit VR PET, explicit VR MR and OT, a multi-frame RLE ultrasound", async () => {
    const { sender } = await siteWithSender();
    const testData = path.resolve("node_modules/dicomweb-client/testData");
    const dir = tempDir();
    const samples = await Promise.all([
      copyWithFreshUids(path.join(testData, "sample.dcm"), dir),
      copyWithFreshUids(path.join(testData, "sample2.dcm"), dir),
      copyWithFreshUids(path.join(testData, "sample3.dcm"), dir),
      // Its ACR-NEMA Study Date "1994.01.30" does not fit the index column (the ingest throws): not this test's subject.
      copyWithFreshUids(path.join(testData, "US-PAL-8-10x-echo.dcm"), dir, ["(0008,0020)=19940130"]),
    ]);
    const files = samples.map((s) => s.file);
    const sent = await store(sender.aeTitle, files, ["-xr"]);
    expect(sent.code, `${sent.output}\n${logs.join("\n")}`).toBe(0);

    const rows = await rowsOf(samples.map((s) => s.sopInstanceUid));
    expect(rows).toHaveLength(samples.length);
    const ultrasound = samples.find((s) => s.file.endsWith("US-PAL-8-10x-echo.dcm"))!;
    const row = rows.find((r) => r.sopInstanceUid === ultrasound.sopInstanceUid)!;
    expect(row.transferSyntaxUid).toBe(RLE_LOSSLESS);
    expect(sha256(datasetOf(await deps.archive.get(row.storageKey)))).toBe(sha256(datasetOf(readFileSync(ultrasound.file))));
  });

  it("aborts a connection whose PDU declares 4 GB at once, before reading it, and keeps serving others", async () => {
    const { sender } = await siteWithSender();
    const answer = await new Promise<{ bytes: Buffer; closed: boolean }>((resolve, reject) => {
      const socket = connect(listener.port, "127.0.0.1");
      const chunks: Buffer[] = [];
      socket.on("error", reject);
      socket.on("data", (chunk) => chunks.push(chunk));
      socket.on("close", () => resolve({ bytes: Buffer.concat(chunks), closed: true }));
      // An A-ASSOCIATE-RQ header announcing 0xFFFFFFF0 bytes, then a little of the body.
      socket.write(Buffer.concat([Buffer.from([0x01, 0x00, 0xff, 0xff, 0xff, 0xf0]), Buffer.alloc(1024)]));
    });
    expect(answer.bytes.readUInt8(0)).toBe(0x07);
    expect(answer.closed).toBe(true);
    expect(logs.some((line) => line.includes("exceeds the"))).toBe(true);
    expect((await echo(sender.aeTitle)).code).toBe(0);
  });

  it("answers a refused instance with a failure status and its reason, and keeps serving", async () => {
    const { sender, seed, patient } = await siteWithSender();
    const [original] = [...ctHeadSeries({ seed, patient, slices: 1, size: 64 })];
    expect((await store(sender.aeTitle, writeFiles(tempDir(), [original!]))).code).toBe(0);

    // Same SOP Instance UID, one pixel changed.
    const tampered = new Uint8Array(original!.bytes);
    tampered[tampered.length - 2] = (tampered[tampered.length - 2]! + 1) % 256;
    // -d prints the response's Error Comment, as a site's IT team would read it.
    const conflict = await store(sender.aeTitle, writeFiles(tempDir(), [{ fileName: "tampered.dcm", bytes: tampered }]), ["-d"]);
    expect(conflict.code).not.toBe(0);
    expect(conflict.output).toMatch(/DIMSE Status\s*: 0x0111/);
    expect(conflict.output).toMatch(/ErrorComment.*CONFLICT: this SOP Instance UID is stored with other content|CONFLICT: this SOP Instance UID is stored with other content.*ErrorComment/);
    expect(await rowsOf([original!.sopInstanceUid])).toHaveLength(1);

    expect((await echo(sender.aeTitle)).code).toBe(0);
  });

  it("takes a 200-slice 512 x 512 CT series in one association (timing printed, not asserted)", async () => {
    const { sender, seed, patient } = await siteWithSender();
    const instances = [...ctHeadSeries({ seed, patient, slices: 200, size: 512 })];
    const files = writeFiles(tempDir(), instances);
    const megabytes = instances.reduce((total, i) => total + i.bytes.byteLength, 0) / 1024 / 1024;

    const started = performance.now();
    const sent = await store(sender.aeTitle, files);
    const seconds = (performance.now() - started) / 1000;
    expect(sent.code, `${sent.output}\n${logs.join("\n")}`).toBe(0);
    console.log(`storescu: ${instances.length} instances, ${megabytes.toFixed(0)} MB in ${seconds.toFixed(2)} s (${(instances.length / seconds).toFixed(0)} instances/s)`);
    expect(await rowsOf(instances.map((i) => i.sopInstanceUid))).toHaveLength(200);
  }, 120_000);
});

describe("the DICOM port's perimeter", () => {
  const silentConnection = (port: number) =>
    new Promise<{ closed: true }>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      socket.on("error", reject);
      socket.on("close", () => resolve({ closed: true }));
    });

  it("closes a connection that sends no association request in time (ARTIM), and one left silent (idle timeout)", async () => {
    const artim = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: (line) => logs.push(line), limits: { associationTimeoutMs: 300, idleTimeoutMs: 60_000 } });
    const idle = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: (line) => logs.push(line), limits: { associationTimeoutMs: 60_000, idleTimeoutMs: 300 } });
    try {
      expect(await silentConnection(artim.port)).toEqual({ closed: true });
      expect(logs.some((line) => line.includes("no association request within 300 ms"))).toBe(true);
      expect(await silentConnection(idle.port)).toEqual({ closed: true });
    } finally {
      await Promise.all([artim.close(), idle.close()]);
    }
  });

  it("closes connections beyond the per-address limit at once, keeps the request thread responsive under 50 of them, and serves again when they go", async () => {
    const limited = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: (line) => logs.push(line), limits: { maxConnectionsPerPeer: 3, associationTimeoutMs: 60_000, idleTimeoutMs: 60_000 } });
    const { sender } = await siteWithSender();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const sockets: Socket[] = [];
    try {
      let closedEarly = 0;
      const allRefused = new Promise<void>((resolve) => {
        for (let i = 0; i < 50; i++) {
          const socket = connect(limited.port, "127.0.0.1");
          socket.on("error", () => undefined);
          socket.on("close", () => {
            if (++closedEarly === 47) resolve();
          });
          sockets.push(socket);
        }
      });
      await allRefused;
      delay.disable();
      expect(closedEarly).toBe(47);
      expect(logs.filter((line) => line.includes("the limit per address")).length).toBeGreaterThanOrEqual(47);
      // What /api/health would feel: the request thread never waited 200 ms behind the listener.
      expect(delay.max / 1e6).toBeLessThan(200);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const echoed = await runTool("echoscu", ["-aet", sender.aeTitle, "-aec", CALLED_AE, "127.0.0.1", String(limited.port)]);
      expect(echoed.code).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await limited.close();
    }
  });
});
