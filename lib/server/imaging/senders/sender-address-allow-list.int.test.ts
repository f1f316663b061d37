import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctHeadSeries } from "@/lib/dicom/synthetic";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { loadActor } from "../../auth/load-actor";
import { createDicomwebHandler } from "../dicomweb/dicomweb-handler";
import { hashSenderToken } from "../dicomweb/dicomweb-principal";
import { registerAeSender, runTool, tempDir, writeFiles } from "../dimse/dimse-test-kit";
import { type DicomListener, startDicomListener } from "../dimse/start-dicom-listener";
import { AddressRefusalAuditor } from "./audit-address-refusal";

// The address allow-list with real peers: DCMTK's echoscu/storescu on the DICOM port and
// fetch on STOW-RS, all from 127.0.0.1. A sender listed for 10.0.0.0/8 only is refused, one
// listed for loopback is served, and every refusal leaves an audit row naming the address.

const patient = { familyName: "DURAND", givenName: "ALICE", birthDate: "19600214", sex: "F", patientId: "IPP-ALLOW" } as const;
const instanceFor = (seed: string) => [...ctHeadSeries({ seed, patient, slices: 1, size: 32 })][0]!;

const db = connectTestDb();
const deps = testImageDeps(db);
const CALLED_AE = "TELERAD_ALLOW";
const logs: string[] = [];
let listener: DicomListener;
/** Bound to "::": IPv4 peers arrive as ::ffff:127.0.0.1, the form hospitals' dual-stack hosts see. */
let dualStack: DicomListener;

beforeAll(async () => {
  const log = (line: string) => logs.push(line);
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log });
  dualStack = await startDicomListener({ port: 0, host: "::", aeTitle: CALLED_AE, deps, log });
});
afterAll(() => Promise.all([listener.close(), dualStack.close()]));

const echo = (callingAe: string, port = listener.port) => runTool("echoscu", ["-aet", callingAe, "-aec", CALLED_AE, "127.0.0.1", String(port)]);

const refusalsOf = (senderId: string) =>
  db.auditLog.findMany({ where: { action: "DICOM_SENDER_ADDRESS_REFUSED", entityId: senderId }, select: { siteId: true, actorId: true, detail: true }, orderBy: { id: "asc" } });

describe("a sender's address allow-list on the DICOM port", () => {
  it("refuses a registered AE title from an address off its list, as if the title were unknown, and audits it once a minute", async () => {
    const site = await createSite(db);
    const sender = await registerAeSender(db, site.id, { allowedNetworks: ["10.0.0.0/8"] });

    const refused = await echo(sender.aeTitle);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/Association Rejected/i);
    expect(refused.output).toMatch(/Calling AE Title Not Recognized/i);
    expect(logs.some((line) => line.includes(sender.aeTitle) && line.includes("address not on the allow-list"))).toBe(true);

    const instance = instanceFor(`allow-${sender.aeTitle}`);
    const sent = await runTool("storescu", ["-aet", sender.aeTitle, "-aec", CALLED_AE, "127.0.0.1", String(listener.port), ...writeFiles(tempDir(), [instance])]);
    expect(sent.code).not.toBe(0);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: instance.sopInstanceUid } })).toBe(0);

    // Two refusals within the minute: one row (the second is counted into the next one).
    await expect.poll(() => refusalsOf(sender.id)).toHaveLength(1);
    expect(await refusalsOf(sender.id)).toEqual([
      { siteId: site.id, actorId: null, detail: { channel: "DIMSE", address: "127.0.0.1", presentedAs: sender.aeTitle, refusedSinceLastRow: 0 } },
    ]);
  });

  it("serves the same sender once its list holds the address, and admits nobody with an empty list", async () => {
    const site = await createSite(db);
    const listed = await registerAeSender(db, site.id, { allowedNetworks: ["10.0.0.0/8", "127.0.0.1"] });
    expect((await echo(listed.aeTitle)).code).toBe(0);

    const instance = instanceFor(`allow-${listed.aeTitle}`);
    const sent = await runTool("storescu", ["-aet", listed.aeTitle, "-aec", CALLED_AE, "127.0.0.1", String(listener.port), ...writeFiles(tempDir(), [instance])]);
    expect(sent.code, sent.output).toBe(0);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: instance.sopInstanceUid } })).toBe(1);

    const empty = await registerAeSender(db, site.id, { allowedNetworks: [] });
    expect((await echo(empty.aeTitle)).code).not.toBe(0);
    await expect.poll(() => refusalsOf(empty.id)).toHaveLength(1);
  });

  it("matches an IPv4 peer seen through a dual-stack socket (::ffff:127.0.0.1) against IPv4 entries", async () => {
    const site = await createSite(db);
    const allowed = await registerAeSender(db, site.id, { allowedNetworks: ["127.0.0.0/8"] });
    const elsewhere = await registerAeSender(db, site.id, { allowedNetworks: ["10.0.0.0/8", "::1"] });
    expect((await echo(allowed.aeTitle, dualStack.port)).code).toBe(0);
    expect((await echo(elsewhere.aeTitle, dualStack.port)).code).not.toBe(0);
    await expect.poll(() => refusalsOf(elsewhere.id)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ address: "::ffff:127.0.0.1" }) })]);
  });

  it("writes the next row after the quiet minute with the number of refusals it held", async () => {
    let now = 1_000_000;
    const auditor = new AddressRefusalAuditor(() => now);
    const site = await createSite(db);
    const sender = await registerAeSender(db, site.id, { allowedNetworks: [] });
    const refusal = { senderId: sender.id, siteId: site.id, channel: "DIMSE" as const, address: "192.0.2.7", presentedAs: sender.aeTitle };
    const fail = (error: unknown) => {
      throw error;
    };
    for (let i = 0; i < 5; i++) await auditor.record(db, refusal, fail);
    now += 60_000;
    await auditor.record(db, refusal, fail);
    expect((await refusalsOf(sender.id)).map((row) => (row.detail as { refusedSinceLastRow: number }).refusedSinceLastRow)).toEqual([0, 4]);
  });
});

describe("a sender's address allow-list on STOW-RS", () => {
  let server: Server;
  let proxied: Server;
  const base = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/dicomweb`;
  const secret = randomBytes(32).toString("base64url");

  beforeAll(async () => {
    const options = { deps, secret, resolveActor: (id: string) => loadActor(db, id), maxRequestBytes: 8 * 1024 * 1024 };
    const direct = createDicomwebHandler(options);
    const behindProxy = createDicomwebHandler({ ...options, trustForwarded: true });
    server = createServer((req, res) => void direct(req, res));
    proxied = createServer((req, res) => void behindProxy(req, res));
    await Promise.all([server, proxied].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
  });
  afterAll(() => Promise.all([server, proxied].map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

  async function tokenSender(allowedNetworks: string[]) {
    const site = await createSite(db);
    const token = randomBytes(24).toString("base64url");
    const { id } = await db.dicomSender.create({
      data: { siteId: site.id, kind: "STOW_TOKEN", label: `PACS ${token.slice(0, 6)}`, tokenHash: hashSenderToken(token), allowedNetworks },
      select: { id: true },
    });
    return { id, siteId: site.id, token };
  }

  function stow(target: Server, token: string, headers: Record<string, string> = {}) {
    const instance = instanceFor(`stow-${token}`);
    const body = Buffer.concat([Buffer.from("--b0\r\nContent-Type: application/dicom\r\n\r\n"), Buffer.from(instance.bytes), Buffer.from("\r\n--b0--\r\n")]);
    const response = fetch(`${base(target)}/studies`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": 'multipart/related; type="application/dicom"; boundary=b0', ...headers },
      body: new Uint8Array(body),
    });
    return { response, sopInstanceUid: instance.sopInstanceUid };
  }

  it("answers 403 naming the address to a valid token from outside its list, stores nothing, and audits it", async () => {
    const sender = await tokenSender(["10.0.0.0/8"]);
    const { response, sopInstanceUid } = stow(server, sender.token);
    const answer = await response;
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { error: string }).error).toBe("this site token is not accepted from 127.0.0.1: the address is not on its sender's allow-list (/admin)");
    expect(await db.dicomInstance.count({ where: { sopInstanceUid } })).toBe(0);
    expect(await refusalsOf(sender.id)).toEqual([expect.objectContaining({ siteId: sender.siteId, detail: expect.objectContaining({ channel: "STOW", address: "127.0.0.1" }) })]);

    // Other DICOMweb routes give the same answer rather than "authentication required".
    const query = await fetch(`${base(server)}/studies`, { headers: { Authorization: `Bearer ${sender.token}` } });
    expect(query.status).toBe(403);
  });

  it("stores from a listed address, and behind a trusted proxy checks the address that proxy forwarded", async () => {
    const loopback = await tokenSender(["127.0.0.1"]);
    const direct = stow(server, loopback.token);
    expect((await direct.response).status).toBe(200);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: direct.sopInstanceUid } })).toBe(1);

    const remote = await tokenSender(["10.0.0.0/8"]);
    // Without a trusted proxy the header is the client's own word and is ignored.
    expect((await stow(server, remote.token, { "X-Forwarded-For": "10.1.2.3" }).response).status).toBe(403);
    const viaProxy = stow(proxied, remote.token, { "X-Forwarded-For": "203.0.113.5, 10.1.2.3" });
    expect((await viaProxy.response).status).toBe(200);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: viaProxy.sopInstanceUid } })).toBe(1);
  });
});
