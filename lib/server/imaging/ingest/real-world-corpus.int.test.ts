import { LOOPBACK_NETWORKS } from "@/lib/domain/network/address-allow-list";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import { realWorldCorpus } from "@/lib/testing/corpus/real-world-corpus";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite, createUser } from "@/prisma/factories";
import { loadActor } from "../../auth/load-actor";
import { createDicomwebHandler } from "../dicomweb/dicomweb-handler";
import { hashSenderToken } from "../dicomweb/dicomweb-principal";
import { readMultipart } from "../dicomweb/multipart-related";
import { registerAeSender, runTool } from "../dimse/dimse-test-kit";
import { startDicomListener, type DicomListener } from "../dimse/start-dicom-listener";

// Every file of the real-world corpus (lib/testing/corpus/real-world-corpus.ts) through
// STOW-RS over real HTTP, as Orthanc sends it (73-character boundary, unquoted type), then
// through C-STORE from DCMTK's storescu as another sender of the same site: stored, already
// stored or refused with the expected reason, file by file; decoded names and content as a
// user sees them; every stored file served back byte-identical by WADO-RS; the server up.

const db = connectTestDb();
const deps = testImageDeps(db, { maxInstanceBytes: 16 * 1024 * 1024 });
const secret = randomBytes(32).toString("base64url");
const corpus = realWorldCorpus();
const CALLED_AE = "TELERAD_CORPUS";
// Orthanc's STOW-RS client writes boundaries of this length, past RFC 2046's 70.
const BOUNDARY = `orthanc-${randomBytes(40).toString("hex")}`.slice(0, 73);
let server: Server;
let listener: DicomListener;
let base = "";
let token = "";
let cookie = "";
let siteId = "";
let aeTitle = "";

beforeAll(async () => {
  const site = await createSite(db, "CH Corpus");
  siteId = site.id;
  token = randomBytes(24).toString("base64url");
  await db.dicomSender.create({ data: { siteId, kind: "STOW_TOKEN", label: "Orthanc", tokenHash: hashSenderToken(token), allowedNetworks: [...LOOPBACK_NETWORKS] } });
  aeTitle = (await registerAeSender(db, siteId)).aeTitle;
  // The site's radiographers see its studies linked to no request: the retrieve below is theirs.
  const radiographer = await createUser(db, { role: "RADIOGRAPHER", siteId });
  cookie = `next-auth.session-token=${await encode({ token: { uid: radiographer.id }, secret })}`;
  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 64 * 1024 * 1024 });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicomweb`;
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: () => undefined });
}, 120_000);
afterAll(async () => {
  await listener.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function stowBody(file: Buffer): Buffer {
  // No CRLF after the closing delimiter, as some senders write it.
  return Buffer.concat([Buffer.from(`--${BOUNDARY}\r\ncontent-type: application/dicom\r\n\r\n`), file, Buffer.from(`\r\n--${BOUNDARY}--`)]);
}

async function lastIngestAudit() {
  return db.auditLog.findFirst({
    where: { siteId, action: { in: ["DICOM_INSTANCE_STORED", "DICOM_INSTANCE_REFUSED", "DICOM_INSTANCE_CONFLICT"] } },
    orderBy: { id: "desc" },
    select: { action: true, entityId: true, detail: true },
  });
}

const instanceRow = (sopInstanceUid: string) =>
  db.dicomInstance.findUnique({
    where: { sopInstanceUid },
    select: {
      contentSha256: true,
      content: true,
      channel: true,
      bulkData: true,
      series: { select: { seriesInstanceUid: true, study: { select: { studyInstanceUid: true, patientName: true, siteId: true } } } },
    },
  });

async function retrieve(studyUid: string, seriesUid: string, sopUid: string): Promise<Buffer> {
  const response = await fetch(`${base}/studies/${studyUid}/series/${seriesUid}/instances/${sopUid}`, {
    headers: { Cookie: cookie, Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
  });
  expect(response.status).toBe(200);
  const boundary = /boundary=([^;]+)/.exec(response.headers.get("content-type") ?? "")?.[1] ?? "";
  const body = Buffer.from(await response.arrayBuffer());
  const parts = [];
  for await (const part of readMultipart(once(body), boundary, { maxPartBytes: 64 << 20, maxTotalBytes: 64 << 20 })) parts.push(part);
  expect(parts).toHaveLength(1);
  return parts[0]!.body;
}

async function* once(body: Buffer): AsyncGenerator<Buffer> {
  yield body;
}

/** storescu's option proposing a compressed transfer syntax (uncompressed ones are its default). */
const STORESCU_PROPOSAL: Record<string, string[]> = {
  "1.2.840.10008.1.2.5": ["-xr"],
  "1.2.840.10008.1.2.4.50": ["-xy"],
  "1.2.840.10008.1.2.4.51": ["-xx"],
  "1.2.840.10008.1.2.4.70": ["-xs"],
  "1.2.840.10008.1.2.4.80": ["-xt"],
  "1.2.840.10008.1.2.4.81": ["-xu"],
  "1.2.840.10008.1.2.4.90": ["-xv"],
  "1.2.840.10008.1.2.4.91": ["-xw"],
};

/** What each stored file's outcome was through STOW-RS, for the C-STORE pass. */
const stowed = new Map<string, { sopInstanceUid: string | null }>();

describe("the real-world corpus through STOW-RS", () => {
  it.each(corpus.map((entry) => [entry.name, entry.expected, entry] as const))("%s: %s", async (_name, expected, entry) => {
    const file = readFileSync(entry.file);
    const response = await fetch(`${base}/studies`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": `multipart/related; type=application/dicom; boundary=${BOUNDARY}` },
      body: new Uint8Array(stowBody(file)),
    });
    const json = (await response.json()) as Record<string, { Value?: Record<string, { Value?: unknown[] }>[] }>;
    const audit = await lastIngestAudit();

    if (expected === "stored" || expected === "already-stored") {
      // Stored with a warning: 202, the instance's Warning Reason B000 and what was coerced.
      expect(response.status, JSON.stringify(json)).toBe(entry.warning ? 202 : 200);
      const item = json["00081199"]?.Value?.[0];
      expect(item?.["00081196"]?.Value?.[0]).toBe(entry.warning ? 0xb000 : undefined);
      if (entry.warning) expect(String(item?.["00000902"]?.Value?.[0])).toMatch(entry.warning);
      const sopInstanceUid = String(item?.["00081155"]?.Value?.[0]);
      stowed.set(entry.name, { sopInstanceUid });
      const row = await instanceRow(sopInstanceUid);
      expect(row?.series.study.siteId).toBe(siteId);
      // The first copy is kept: a re-sent instance leaves the stored file as it was.
      if (expected === "stored" && !entry.storedInflated) expect(row?.contentSha256).toBe(sha256(file));
      else expect(row?.contentSha256).not.toBe(sha256(file));
      if (entry.patientName !== undefined) expect(row?.series.study.patientName).toBe(entry.patientName);
      if (entry.content) expect(row?.content).toBe(entry.content);
      if (entry.content === "ENCAPSULATED_DOCUMENT") expect(Object.keys(row?.bulkData as object)).toContain("00420011");
      if (expected === "stored") {
        const served = await retrieve(row!.series.study.studyInstanceUid, row!.series.seriesInstanceUid, sopInstanceUid);
        if (entry.storedInflated) {
          // Served as Explicit VR Little Endian holding exactly the dataset that was deflated.
          const sent = readMetaHeader(file);
          const kept = readMetaHeader(served);
          expect(kept.transferSyntaxUid).toBe("1.2.840.10008.1.2.1");
          expect(sha256(served.subarray(kept.datasetOffset))).toBe(sha256(inflateRawSync(file.subarray(sent.datasetOffset))));
        } else expect(sha256(served)).toBe(sha256(file));
      }
    } else {
      expect(response.status, JSON.stringify(json)).toBe(409);
      const failed = json["00081198"]?.Value ?? [];
      expect(failed).toHaveLength(1);
      stowed.set(entry.name, { sopInstanceUid: (failed[0]?.["00081155"]?.Value?.[0] as string | undefined) ?? null });
      if (expected === "CONFLICT") expect(audit?.action).toBe("DICOM_INSTANCE_CONFLICT");
      else expect({ action: audit?.action, code: (audit?.detail as { code?: string } | null)?.code }).toEqual({ action: "DICOM_INSTANCE_REFUSED", code: expected });
    }
  });

  it("stored one row per SOP Instance UID, and the server still answers", async () => {
    const uids = [...stowed.values()].flatMap(({ sopInstanceUid }) => (sopInstanceUid ? [sopInstanceUid] : []));
    const rows = await db.dicomInstance.findMany({ where: { sopInstanceUid: { in: uids } }, select: { sopInstanceUid: true } });
    expect(rows).toHaveLength(new Set(rows.map((row) => row.sopInstanceUid)).size);
    expect((await fetch(`${base}/studies`, { headers: { Cookie: cookie } })).status).toBeLessThan(500);
  });
});

describe("the same corpus through C-STORE from another sender of the site", () => {
  it.each(corpus.filter((entry) => entry.expected === "stored" || entry.expected === "already-stored").map((entry) => [entry.name, entry] as const))(
    "%s: already stored, the first copy kept",
    async (_name, entry) => {
      const sopInstanceUid = stowed.get(entry.name)?.sopInstanceUid;
      expect(sopInstanceUid).toBeTruthy();
      const before = await instanceRow(sopInstanceUid!);
      // -R: storescu proposes the file's SOP class (SEG, parametric maps... are not in its default
      // list) in the file's own transfer syntax; the listener writes its own meta header.
      const proposal = STORESCU_PROPOSAL[readMetaHeader(readFileSync(entry.file)).transferSyntaxUid] ?? [];
      const sent = await runTool("storescu", ["-R", "-v", ...proposal, "-aet", aeTitle, "-aec", CALLED_AE, "127.0.0.1", String(listener.port), entry.file]);
      if (entry.storescuCannotSend) {
        expect(sent.output).toMatch(entry.storescuCannotSend);
        return;
      }
      expect(sent.code, sent.output).toBe(0);
      // Stored with a warning: status B000 (Coercion of Data Elements), the reason in the comment.
      expect(sent.output).toMatch(entry.warning ? /Received Store Response \(Warning/ : /Received Store Response \(Success\)/);
      const after = await instanceRow(sopInstanceUid!);
      expect(after).toEqual(before);
    },
  );

  it.each(corpus.filter((entry) => entry.expected !== "stored" && entry.expected !== "already-stored").map((entry) => [entry.name, entry.cstore ?? "unsendable", entry] as const))(
    "%s, refused by STOW-RS: %s",
    async (_name, expected, entry) => {
      const syntax = (() => {
        try {
          return readMetaHeader(readFileSync(entry.file)).transferSyntaxUid;
        } catch {
          return "";
        }
      })();
      const sent = await runTool("storescu", ["-R", "-v", ...(STORESCU_PROPOSAL[syntax] ?? []), "-aet", aeTitle, "-aec", CALLED_AE, "127.0.0.1", String(listener.port), entry.file]);
      const answer = { success: /Received Store Response \(Success\)/, "0111": /Received Store Response \(Unknown Status: 0x111\)/, A900: /DataSetDoesNotMatchSOPClass/ } as const;
      if (expected === "unsendable") expect(sent.output).toMatch(entry.storescuCannotSend ?? /^$/);
      else expect(sent.output).toMatch(answer[expected]);
    },
  );

  it("answers C-ECHO after the whole corpus", async () => {
    expect((await runTool("echoscu", ["-aet", aeTitle, "-aec", CALLED_AE, "127.0.0.1", String(listener.port)])).code).toBe(0);
  });
});
