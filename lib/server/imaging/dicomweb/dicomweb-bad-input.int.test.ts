import { LOOPBACK_NETWORKS } from "@/lib/domain/network/address-allow-list";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctHeadSeries } from "@/lib/dicom/synthetic";
import { createSite, createUser } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { loadActor } from "../../auth/load-actor";
import { createDicomwebHandler } from "./dicomweb-handler";
import { hashSenderToken } from "./dicomweb-principal";

// Bad input to the DICOMweb endpoints over real HTTP: each gets a precise 4xx or a STOW
// failure entry naming the part and the reason, nothing is stored half-way, the server stays up.

const db = connectTestDb();
const deps = testImageDeps(db, { maxInstanceBytes: 2 * 1024 * 1024 });
const secret = randomBytes(32).toString("base64url");
const MAX_REQUEST = 8 * 1024 * 1024;
let server: Server;
let base = "";
let token = "";
let cookie = "";
let radiologistCookie = "";

beforeAll(async () => {
  const site = await createSite(db);
  token = randomBytes(24).toString("base64url");
  await db.dicomSender.create({ data: { siteId: site.id, kind: "STOW_TOKEN", label: "PACS test", tokenHash: hashSenderToken(token), allowedNetworks: [...LOOPBACK_NETWORKS] } });
  const radiographer = await createUser(db, { role: "RADIOGRAPHER", siteId: site.id });
  const radiologist = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
  cookie = `next-auth.session-token=${await encode({ token: { uid: radiographer.id }, secret })}`;
  radiologistCookie = `next-auth.session-token=${await encode({ token: { uid: radiologist.id }, secret })}`;
  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: MAX_REQUEST });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicomweb`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function multipart(parts: { body: Uint8Array | string; type?: string; headers?: Record<string, string> }[], boundary = "b0undary", close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = Object.entries({ "Content-Type": part.type ?? "application/dicom", ...part.headers }).map(([k, v]) => `${k}: ${v}`).join("\r\n");
    chunks.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(part.body), Buffer.from("\r\n"));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function stow(body: Buffer, headers: Record<string, string> = {}) {
  return fetch(`${base}/studies`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": 'multipart/related; type="application/dicom"; boundary=b0undary', ...headers },
    body: new Uint8Array(body),
  });
}

type StowJson = Record<string, { Value?: Record<string, { Value?: unknown[] }>[] }>;
const failureMessages = (json: StowJson) => (json["00081198"]?.Value ?? []).map((item) => String(item["00000902"]?.Value?.[0]));

function instance(seed: string) {
  const [first] = ctHeadSeries({ seed: `${seed}-${randomBytes(4).toString("hex")}`, patient: { familyName: "BAD", givenName: "INPUT", birthDate: "19600101", sex: "M", patientId: "BAD-1" }, slices: 1, size: 32 });
  return first!;
}

/** Rewrites the declared Rows (0028,0010) of an explicit VR LE file, keeping its pixel data. */
function withRows(bytes: Uint8Array, rows: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (let i = 132; i < copy.length - 10; i++) {
    if (copy[i] === 0x28 && copy[i + 1] === 0x00 && copy[i + 2] === 0x10 && copy[i + 3] === 0x00 && copy[i + 4] === 0x55 && copy[i + 5] === 0x53) {
      new DataView(copy.buffer).setUint16(i + 8, rows, true);
      return copy;
    }
  }
  throw new Error("no Rows element");
}

/** A valid preamble and meta header followed by thousands of nested sequence items. */
function sequenceBomb(): Uint8Array {
  const valid = instance("bomb").bytes;
  const view = new DataView(valid.buffer, valid.byteOffset);
  const metaEnd = 144 + view.getUint32(140, true);
  const open = Buffer.from([0x08, 0x00, 0x15, 0x11, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff]);
  return Buffer.concat([Buffer.from(valid.subarray(0, metaEnd)), ...Array.from({ length: 20_000 }, () => open)]);
}

describe("DICOMweb bad input", () => {
  it("refuses requests it cannot take with a precise status and message", async () => {
    const file = instance("auth").bytes;
    expect((await stow(multipart([{ body: file }]), { Authorization: "" })).status).toBe(401);
    expect((await stow(multipart([{ body: file }]), { Authorization: "Bearer not-a-known-token-000000" })).status).toBe(401);
    const wrongType = await stow(Buffer.from("{}"), { "Content-Type": "application/json" });
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as { error: string }).error).toContain("multipart/related");
    expect((await stow(multipart([{ body: file }]), { "Content-Type": "multipart/related" })).status).toBe(400);
    const radiologistStow = await fetch(`${base}/studies`, { method: "POST", headers: { Cookie: radiologistCookie, "Content-Type": 'multipart/related; type="application/dicom"; boundary=b0undary' }, body: new Uint8Array(multipart([{ body: file }])) });
    expect(radiologistStow.status).toBe(403);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: (instance("never").sopInstanceUid) } })).toBe(0);
  });

  it("answers a truncated body and an oversized one without storing the unfinished part", async () => {
    const file = instance("trunc");
    const truncated = multipart([{ body: file.bytes }], "b0undary", false).subarray(0, 2000);
    const response = await stow(truncated);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/closing delimiter|no part/);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: file.sopInstanceUid } })).toBe(0);

    const huge = await stow(Buffer.alloc(MAX_REQUEST + 1024), { "Content-Length": String(MAX_REQUEST + 1024) });
    expect(huge.status).toBe(413);
  });

  it("lists each refused part with its reason and stores the good ones", async () => {
    const good = instance("good");
    const lying = withRows(instance("lying").bytes, 4000);
    const tooLarge = new Uint8Array(3 * 1024 * 1024);
    tooLarge.set(instance("large").bytes);
    const response = await stow(
      multipart([
        { body: good.bytes, headers: { "Content-Location": "../../../../etc/passwd" } },
        { body: "just text", type: "text/plain" },
        { body: Buffer.from("not dicom at all, but long enough to have a preamble ".repeat(4)) },
        { body: lying },
        { body: sequenceBomb() },
      ]),
    );
    expect(response.status).toBe(202);
    const json = (await response.json()) as StowJson;
    expect(json["00081199"]?.Value).toHaveLength(1);
    const messages = failureMessages(json);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^part 2: content type "text\/plain"/);
    expect(messages[1]).toMatch(/^part 3: no DICOM Part 10 header/);
    expect(messages[2]).toMatch(/^part 4: pixel data is \d+ bytes but 4000 x 32/);
    expect(messages[3]).toMatch(/^part 5: /);

    // The good part is stored under its content hash, inside the archive, whatever its name said.
    const stored = await db.dicomInstance.findUniqueOrThrow({ where: { sopInstanceUid: good.sopInstanceUid }, select: { storageKey: true } });
    expect(stored.storageKey).toMatch(/^instances\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.dcm$/);

    const oversized = await stow(multipart([{ body: tooLarge }]));
    expect(oversized.status).toBe(413);

    // Still up.
    const again = await stow(multipart([{ body: instance("after").bytes }]));
    expect(again.status).toBe(200);
  });

  it("answers malformed queries and retrievals with 400, 404 or 406", async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { Cookie: cookie, ...headers } });
    expect((await get("/studies?limit=-3")).status).toBe(400);
    // An attribute the server does not know is ignored (PS3.18 8.3.4.1), not refused.
    expect((await get("/studies?NoSuchAttribute=1")).status).toBe(200);
    expect((await get("/studies?StudyDate=2024")).status).toBe(400);
    expect((await get("/studies/not-a-uid/metadata")).status).toBe(400);
    expect((await get("/studies/1.2.3/series/4.5.6/instances/7.8.9/frames/0")).status).toBe(400);
    expect((await get("/studies/1.2.3/metadata")).status).toBe(404);
    expect((await get("/studies/%E0%A4%A/metadata")).status).toBe(400);
    expect((await fetch(`${base}/studies`)).status).toBe(401);

    const file = instance("frames");
    expect((await stow(multipart([{ body: file.bytes }]))).status).toBe(200);
    const instancePath = `/studies/${file.studyInstanceUid}/series/${file.seriesInstanceUid}/instances/${file.sopInstanceUid}`;
    expect((await get(`${instancePath}/frames/2`)).status).toBe(404);
    expect((await get(`${instancePath}/frames/1`, { Accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.4.50' })).status).toBe(406);
    expect((await get(`${instancePath}/frames/1`, { Accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' })).status).toBe(200);
    expect((await get(instancePath, { Accept: "application/json" })).status).toBe(406);
  });

  it("serves one frame asked as application/octet-stream as the bare bytes, not in the browser's disk cache", async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { Cookie: cookie, ...headers } });
    const file = instance("single-part");
    expect((await stow(multipart([{ body: file.bytes }]))).status).toBe(200);
    const instancePath = `/studies/${file.studyInstanceUid}/series/${file.seriesInstanceUid}/instances/${file.sopInstanceUid}`;
    const single = await get(`${instancePath}/frames/1`, { Accept: "application/octet-stream; transfer-syntax=*" });
    expect(single.status).toBe(200);
    expect(single.headers.get("content-type")).toBe("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1");
    expect(single.headers.get("cache-control")).toBe("private, no-store");
    const multi = await get(`${instancePath}/frames/1`, { Accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' });
    const bytes = Buffer.from(await single.arrayBuffer());
    // The same pixels as the multipart answer's single part.
    expect(Buffer.from(await multi.arrayBuffer()).includes(bytes)).toBe(true);
    expect(bytes.length).toBeGreaterThan(0);
    // Several frames cannot come as one part.
    expect((await get(`${instancePath}/frames/1,1`, { Accept: "application/octet-stream; transfer-syntax=*" })).status).toBe(406);
  });
});
