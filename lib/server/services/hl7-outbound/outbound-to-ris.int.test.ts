import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withInsKey } from "@/lib/domain/ins-key";
import { decideIndicationSchema, sendProtocolSchema } from "@/lib/domain/workflow/workflow-schemas";
import { startRisPeer, type RisPeer } from "@/lib/testing/ris-peer";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { claimRequest } from "../requests/claim-request";
import { submitRequest } from "../requests/submit-request";
import { createRisInterface } from "../ris-interfaces/create-ris-interface";
import { cancelRequest } from "../workflow/cancel-request";
import { decideIndication } from "../workflow/decide-indication";
import { sendProtocol } from "../workflow/send-protocol";
import { deliverOutbound, outboundMessages, receivedFor as receivedBy } from "./outbox-test-kit";

// The platform -> RIS side of the volet (flow 3), end to end: a workflow act on a request the
// RIS ordered writes the ORU^R01 in its transaction; the "hl7.send" job delivers it over MLLP
// to simple-hl7's server playing the RIS, which answers AA, AE or nothing; the message row follows.

const db = connectTestDb(6);
let ris: RisPeer;
beforeAll(async () => (ris = await startRisPeer()));
afterAll(() => ris.stop());

const deliver = (messageIds: bigint[], now: Date, onlyJobIds?: bigint[]) => deliverOutbound(db, messageIds, now, onlyJobIds);
const outbound = (requestId: string) => outboundMessages(db, requestId);
const receivedFor = (placer: string) => receivedBy(ris, placer);

async function risOrder(options: { qualified: boolean; port?: number }) {
  const site = await createSite(db, "CH Nord");
  const [adminUser, radiologistUser, referrerUser, headUser] = await Promise.all([
    createUser(db, { role: "ADMIN" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: "Dr Eric Thomas" }),
    createUser(db, { role: "REFERRER", siteId: site.id }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
  ]);
  const rpps = `1${Math.floor(Math.random() * 1e10).toString().padStart(10, "0")}`;
  await db.user.update({ where: { id: radiologistUser.id }, data: { rpps } });
  const [admin, radiologist, referrer, head] = await Promise.all([adminUser, radiologistUser, referrerUser, headUser].map((user) => actorOf(db, user.id)));
  const app = `RIS${Math.random().toString(36).slice(2, 10)}`;
  const iface = await createRisInterface({
    db,
    actor: admin!,
    input: { siteId: site.id, label: "Xplore", sendingApplication: app, sendingFacility: "CHNORD", allowedNetworks: ["127.0.0.1"], outboundHost: "127.0.0.1", outboundPort: options.port ?? ris.port, receivingApplication: app, receivingFacility: "CHNORD" },
  });
  // Filed as the inbound side does: source HL7, the interface, the RIS's numbers and identity.
  const { requestId } = await submitRequest({ db, actor: referrer!, input: teleDiagnosticRequest() });
  const placer = `OPN${Math.random().toString(36).slice(2, 9).toUpperCase()}`;
  const ins = withInsKey("2790351215189");
  await db.readingRequest.update({
    where: { id: requestId },
    data: { source: "HL7", risInterfaceId: iface.id, placerOrderNumber: placer, sitePatientIdIssuer: "AUT-AFFECTATION&1204567809&M", patientIns: ins, patientInsStatus: options.qualified ? "QUALIFIED" : "VALIDATED" },
  });
  await claimRequest({ db, actor: radiologist!, requestId });
  const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true, sitePatientId: true } });
  return { site, iface, requestId, placer, ins, rpps, app, admin: admin!, radiologist: radiologist!, referrer: referrer!, head: head!, ...request };
}


describe("the radiologist's decision reaches the site's RIS (ORU^R01)", () => {
  it("sends the acceptance with the protocol (OK) and the qualified INS; the RIS's AA acknowledges it", async () => {
    ris.answer = { code: "AA" };
    const t = await risOrder({ qualified: true });
    await decideIndication({ db, actor: t.radiologist, input: decideIndicationSchema.parse({ requestId: t.requestId, decision: "ACCEPT" }) });
    expect(await outbound(t.requestId)).toEqual([]);
    await sendProtocol({ db, actor: t.radiologist, input: sendProtocolSchema.parse({ requestId: t.requestId, protocolText: "TDM cérébrale sans injection\nCoupes fines", contrast: false }) });

    const [queued] = await outbound(t.requestId);
    expect(queued).toMatchObject({ state: "QUEUED", orderControl: "OK", attempts: 0 });
    expect(await deliver([queued!.id], new Date())).toMatchObject({ done: 1 });

    const [message] = receivedFor(t.placer);
    expect(message).toBeDefined();
    expect(message!.header.getField(7)).toBe("ORU^R01^ORU_R01");
    expect([message!.header.getField(3), message!.header.getField(4), message!.header.getField(8)]).toEqual([t.app, "CHNORD", queued!.controlId]);
    const orc = message!.getSegment("ORC");
    expect([orc.getField(1), orc.getField(2), orc.getComponent(3, 1)]).toEqual(["OK", t.placer, t.accessionNumber]);
    expect(orc.getComponent(12, 1)).toBe(`8${t.rpps}`);
    expect(orc.getComponent(12, 2)).toBe("Dr Eric Thomas");
    const obx = message!.getSegment("OBX");
    expect(obx.getComponent(3, 1)).toBe("PROTOCOLE_IMAGERIE");
    expect(obx.getField(5)).toBe("TDM cérébrale sans injection\\.br\\Coupes fines\\.br\\Injection de produit de contraste : non");
    const pid = message!.getSegment("PID");
    expect(pid.getField(3, 1)).toBe(`${t.sitePatientId}^^^AUT-AFFECTATION&1204567809&M^PI`);
    expect(pid.getField(3, 2)).toBe(`${t.ins}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS`);
    expect(pid.getField(32)).toBe("QUAL");

    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "ACKNOWLEDGED", ackCode: "AA", errorText: null, attempts: 1 })]);
    expect(await db.auditLog.count({ where: { action: "HL7_MESSAGE_QUEUED", entityId: t.requestId } })).toBe(1);
    expect(await db.auditLog.findMany({ where: { action: "HL7_MESSAGE_DELIVERY", entityId: queued!.id.toString() }, select: { detail: true } })).toEqual([{ detail: expect.objectContaining({ state: "ACKNOWLEDGED", ackCode: "AA", attempts: 1 }) }]);

    // The request page's block shows it to the site's referrer.
    const block = await createCaller({ db, actor: t.referrer }).hl7Messages.forRequest({ requestId: t.requestId });
    expect(block).toMatchObject({ fromRis: true, messages: [{ direction: "OUTBOUND", messageType: "ORU^R01", orderControl: "OK", state: "ACKNOWLEDGED", ackCode: "AA" }] });
  });

  it("sends a refusal as OC with the reason and without the INS of an unqualified identity; an AE fails it with the RIS's error, never retried", async () => {
    ris.answer = { code: "AE", error: "Commande inconnue du RIS", location: "ORC^1^2" };
    const t = await risOrder({ qualified: false });
    await decideIndication({ db, actor: t.radiologist, input: decideIndicationSchema.parse({ requestId: t.requestId, decision: "REFUSE", reason: "Indication non justifiée : échographie d'abord" }) });
    const [queued] = await outbound(t.requestId);
    await deliver([queued!.id], new Date());

    const [message] = receivedFor(t.placer);
    expect(message!.getSegment("ORC").getField(1)).toBe("OC");
    expect(message!.getSegment("ORC").getComponent(16, 2)).toBe("Indication non justifiée : échographie d'abord");
    expect(message!.getSegments("OBX")).toEqual([]);
    expect(message!.getSegment("PID").getField(3)).toBe(`${t.sitePatientId}^^^AUT-AFFECTATION&1204567809&M^PI`);
    expect(message!.getSegment("PID").getField(32)).toBe("VALI");

    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "FAILED", ackCode: "AE", errorText: "Commande inconnue du RIS (ORC-1-2)", attempts: 1 })]);
    expect(await db.job.count({ where: { kind: "hl7.send", state: "PENDING", payload: { path: ["messageId"], equals: queued!.id.toString() } } })).toBe(0);

    // On the operations board, with its error; the head sends it again once the RIS is fixed.
    const head = createCaller({ db, actor: t.head });
    const problems = await head.hl7Messages.outboundProblems();
    expect(problems.find((row) => row.id === queued!.id.toString())).toMatchObject({ state: "FAILED", accessionNumber: t.accessionNumber, errorText: "Commande inconnue du RIS (ORC-1-2)", orderControl: "OC" });
    await expect(createCaller({ db, actor: t.referrer }).hl7Messages.retry({ messageId: queued!.id.toString() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    ris.answer = { code: "AA" };
    expect(await head.hl7Messages.retry({ messageId: queued!.id.toString() })).toEqual({ id: queued!.id.toString(), state: "QUEUED" });
    await deliver([queued!.id], new Date());
    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "ACKNOWLEDGED", ackCode: "AA", errorText: null, attempts: 1, controlId: queued!.controlId })]);
    expect(receivedFor(t.placer).map((m) => m.header.getField(8))).toEqual([queued!.controlId, queued!.controlId]);
    expect(await db.auditLog.count({ where: { action: "HL7_MESSAGE_RETRIED", entityId: queued!.id.toString(), actorId: t.head.id } })).toBe(1);
    await expect(head.hl7Messages.retry({ messageId: queued!.id.toString() })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("retries a RIS that does not answer with backoff, then fails it after the last attempt", async () => {
    ris.answer = { code: "SILENT" };
    const t = await risOrder({ qualified: true });
    await decideIndication({ db, actor: t.radiologist, input: decideIndicationSchema.parse({ requestId: t.requestId, decision: "REFUSE", reason: "Hors indication" }) });
    const [queued] = await outbound(t.requestId);
    let now = new Date();
    await deliver([queued!.id], now);
    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "QUEUED", attempts: 1, errorText: expect.stringContaining("no acknowledgement") })]);
    // Not before its time: 30 s later at the earliest.
    expect(await deliver([queued!.id], new Date(now.getTime() + 29_000))).toMatchObject({ taken: 0 });
    for (const wait of [30_000, 120_000, 300_000, 900_000, 1_800_000]) {
      now = new Date(now.getTime() + wait);
      await deliver([queued!.id], now);
    }
    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "FAILED", attempts: 6, ackCode: null, errorText: expect.stringContaining("after 6 attempts") })]);
    expect(receivedFor(t.placer)).toHaveLength(6);
    expect(await db.job.count({ where: { kind: "hl7.send", state: "PENDING", payload: { path: ["messageId"], equals: queued!.id.toString() } } })).toBe(0);
  });

  it("keeps a request's messages in order: the cancellation (OC) never overtakes the acceptance (OK) before it", async () => {
    ris.answer = { code: "AA" };
    const t = await risOrder({ qualified: true });
    await decideIndication({ db, actor: t.radiologist, input: decideIndicationSchema.parse({ requestId: t.requestId, decision: "ACCEPT" }) });
    await sendProtocol({ db, actor: t.radiologist, input: sendProtocolSchema.parse({ requestId: t.requestId, protocolText: "IRM encéphale", contrast: false }) });
    await cancelRequest({ db, actor: t.radiologist, requestId: t.requestId, reason: "Patient transféré au CHU" });
    const [ok, oc] = await outbound(t.requestId);
    expect([ok!.orderControl, oc!.orderControl]).toEqual(["OK", "OC"]);

    // The OC's job comes first: it waits for the OK.
    const [ocJob] = await db.job.findMany({ where: { kind: "hl7.send", payload: { path: ["messageId"], equals: oc!.id.toString() } }, select: { id: true } });
    const now = new Date();
    await deliver([oc!.id], now, [ocJob!.id]);
    expect(receivedFor(t.placer)).toEqual([]);
    expect((await outbound(t.requestId)).map((m) => m.state)).toEqual(["QUEUED", "QUEUED"]);

    await deliver([ok!.id], now);
    await deliver([oc!.id], now);
    expect(receivedFor(t.placer).map((m) => m.getSegment("ORC").getField(1))).toEqual(["OK", "OC"]);
    expect((await outbound(t.requestId)).map((m) => m.state)).toEqual(["ACKNOWLEDGED", "ACKNOWLEDGED"]);
    expect(receivedFor(t.placer)[1]!.getSegment("ORC").getComponent(16, 2)).toBe("Patient transféré au CHU");
  });

  it("writes nothing for a request typed into the product, nor for an interface without an outbound address", async () => {
    const t = await risOrder({ qualified: true });
    await db.readingRequest.update({ where: { id: t.requestId }, data: { source: "FORM" } });
    await decideIndication({ db, actor: t.radiologist, input: decideIndicationSchema.parse({ requestId: t.requestId, decision: "REFUSE", reason: "Non" }) });
    expect(await outbound(t.requestId)).toEqual([]);

    const u = await risOrder({ qualified: true });
    await db.risInterface.update({ where: { id: u.iface.id }, data: { outboundHost: null, outboundPort: null } });
    await decideIndication({ db, actor: u.radiologist, input: decideIndicationSchema.parse({ requestId: u.requestId, decision: "REFUSE", reason: "Non" }) });
    expect(await outbound(u.requestId)).toEqual([]);
  });
});
