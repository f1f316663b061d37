import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withInsKey } from "@/lib/domain/ins-key";
import { pdfText } from "@/lib/testing/pdf-text";
import { startRisPeer, type RisPeer } from "@/lib/testing/ris-peer";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createUser, FACTORY_PASSWORD } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { getReportPanel } from "../reports/get-report-panel";
import { draftReadyToSign } from "../reports/report-test-kit";
import { saveDraft } from "../reports/save-draft";
import { signReport } from "../reports/sign-report";
import { startAddendum } from "../reports/start-addendum";
import { createRisInterface } from "../ris-interfaces/create-ris-interface";
import { deliverOutbound, outboundMessages, receivedFor as receivedBy } from "./outbox-test-kit";
import { buildCdaForVersion } from "../cda/build-cda-for-version";

// The signed report to the site's RIS, end to end: signing a request the RIS ordered writes the
// ORU^R01 in the signing transaction; the "hl7.send" job delivers it over MLLP to simple-hl7's
// server playing the RIS, which reads it with its own parser and answers AA, AE or nothing.

const db = connectTestDb(6);
let ris: RisPeer;
beforeAll(async () => (ris = await startRisPeer()));
afterAll(() => ris.stop());

const deliver = (messageIds: bigint[], now: Date, onlyJobIds?: bigint[]) => deliverOutbound(db, messageIds, now, onlyJobIds);
const outbound = (requestId: string) => outboundMessages(db, requestId);
const receivedFor = (placer: string) => receivedBy(ris, placer);

const CONCLUSION = "Pas d'hémorragie intracrânienne | ni d'effet de masse.";

/** A report ready to sign on a request the site's RIS ordered, its radiologist known by RPPS. */
async function risOrderedDraft(options: { qualified: boolean; port?: number; siteAccessionNumber?: string | null; source?: "HL7" | "FORM" }) {
  const admin = await createUser(db, { role: "ADMIN" }).then((user) => actorOf(db, user.id));
  const head = await createUser(db, { role: "DEPARTMENT_HEAD" }).then((user) => actorOf(db, user.id));
  const rpps = `1${Math.floor(Math.random() * 1e10).toString().padStart(10, "0")}`;
  const placer = `OPN${Math.random().toString(36).slice(2, 9).toUpperCase()}`;
  const ins = withInsKey("2790351215189");
  const app = `RIS${Math.random().toString(36).slice(2, 10)}`;
  const t = await draftReadyToSign(db, {
    values: { conclusion: CONCLUSION },
    prepare: async ({ site, radiologist, requestId }) => {
      const iface = await createRisInterface({
        db,
        actor: admin,
        input: { siteId: site.id, label: "Xplore", sendingApplication: app, sendingFacility: "CHNORD", allowedNetworks: ["127.0.0.1"], outboundHost: "127.0.0.1", outboundPort: options.port ?? ris.port, receivingApplication: app, receivingFacility: "CHNORD" },
      });
      await db.user.update({ where: { id: radiologist.id }, data: { rpps } });
      await db.readingRequest.update({
        where: { id: requestId },
        data: { source: options.source ?? "HL7", risInterfaceId: iface.id, placerOrderNumber: placer, siteAccessionNumber: options.siteAccessionNumber === undefined ? "SITE4242" : options.siteAccessionNumber, sitePatientIdIssuer: "HOPNORD", patientIns: ins, patientInsStatus: options.qualified ? "QUALIFIED" : "VALIDATED" },
      });
    },
  });
  const request = await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { accessionNumber: true, sitePatientId: true } });
  return { ...t, ...request, admin, head, rpps, placer, ins };
}

type Draft = Awaited<ReturnType<typeof risOrderedDraft>>;
const sign = (t: Draft, draftId = t.draft.id, draftVersion = t.draftVersion) => signReport({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId, draftVersion, password: FACTORY_PASSWORD } });

async function signAddendum(t: Draft, note: string) {
  await startAddendum({ db, actor: t.radiologist, requestId: t.requestId });
  const addendum = (await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId })).draft!;
  const saved = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: addendum.id, draftVersion: addendum.draftVersion, values: { ...addendum.values, addendum_note: note } } });
  return sign(t, addendum.id, saved.draftVersion);
}


type Obx = { getField(i: number): string; getComponent(i: number, c: number): string };
const observation = (message: ReturnType<typeof receivedFor>[number], code: string): Obx => (message.getSegments("OBX") as Obx[]).find((obx) => obx.getComponent(3, 1) === code)!;
const unescape = (text: string) => text.replaceAll("\\.br\\", "\n").replaceAll("\\F\\", "|").replaceAll("\\S\\", "^").replaceAll("\\T\\", "&").replaceAll("\\R\\", "~").replaceAll("\\E\\", "\\");

describe("the signed report reaches the site's RIS (ORU^R01)", () => {
  it("sends the original as final results the RIS can file: numbers, text, conclusion, PDF, signer and fingerprint; AA acknowledges it", async () => {
    ris.answer = { code: "AA" };
    const t = await risOrderedDraft({ qualified: true });
    const signed = await sign(t);

    const [queued] = await outbound(t.requestId);
    expect(queued).toMatchObject({ state: "QUEUED", orderControl: "RE", attempts: 0, reportVersionId: signed.versionId });
    await deliver([queued!.id], new Date());

    const [message] = receivedFor(t.placer);
    expect(message!.header.getField(7)).toBe("ORU^R01^ORU_R01");
    expect(message!.header.getField(8)).toBe(queued!.controlId);
    const orc = message!.getSegment("ORC");
    expect([orc.getField(1), orc.getField(2), orc.getComponent(3, 1)]).toEqual(["RE", t.placer, t.accessionNumber]);
    const obr = message!.getSegment("OBR");
    expect([obr.getField(2), obr.getComponent(3, 1), obr.getField(18), obr.getField(25)]).toEqual([t.placer, t.accessionNumber, "SITE4242", "F"]);
    expect(obr.getField(32)).toContain(`8${t.rpps}&`);
    expect(message!.getSegment("PID").getField(3)).toContain(t.ins);

    const version = await db.reportVersion.findUniqueOrThrow({ where: { id: signed.versionId }, select: { narrative: true, conclusion: true, signerName: true } });
    const text = observation(message!, "COMPTE_RENDU");
    expect([text.getField(2), text.getField(11), text.getComponent(16, 1), text.getComponent(16, 2)]).toEqual(["FT", "F", `8${t.rpps}`, version.signerName]);
    expect(unescape(text.getField(5))).toBe(version.narrative);
    expect(unescape(observation(message!, "CONCLUSION").getField(5))).toBe(CONCLUSION);
    expect(observation(message!, "EMPREINTE_CR").getField(5)).toBe(signed.fingerprint);
    expect(observation(message!, "EMPREINTE_CR_PRECEDENT")).toBeUndefined();

    const pdf = observation(message!, "CR_PDF");
    expect([pdf.getField(2), pdf.getComponent(5, 2), pdf.getComponent(5, 3), pdf.getComponent(5, 4)]).toEqual(["ED", "application", "pdf", "Base64"]);
    const bytes = new Uint8Array(Buffer.from(pdf.getComponent(5, 5), "base64"));
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const printed = (await pdfText(bytes)).replace(/\s+/g, " ");
    expect(printed).toContain(CONCLUSION);
    expect(printed).toContain(t.ins);
    // The CDA R2 document for the DMP, byte for byte the one the version's download gives.
    const cda = observation(message!, "CR_CDA");
    expect([cda.getField(2), cda.getComponent(5, 2), cda.getComponent(5, 3), cda.getComponent(5, 4)]).toEqual(["ED", "text", "xml", "Base64"]);
    expect(Buffer.from(cda.getComponent(5, 5), "base64").toString("utf8")).toBe(await buildCdaForVersion(db, signed.versionId));

    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "ACKNOWLEDGED", ackCode: "AA", attempts: 1 })]);
    expect(await db.auditLog.count({ where: { action: "HL7_MESSAGE_QUEUED", entityId: t.requestId, detail: { path: ["reportVersionId"], equals: signed.versionId } } })).toBe(1);
    // The request page's block names what the message carried.
    const block = await createCaller({ db, actor: t.referrer }).hl7Messages.forRequest({ requestId: t.requestId });
    expect(block.messages).toEqual([expect.objectContaining({ messageType: "ORU^R01", orderControl: "RE", report: { kind: "ORIGINAL", sequence: 0 }, state: "ACKNOWLEDGED" })]);
  });

  it("sends an addendum as a correction with the fingerprint it corrects, never before the original", async () => {
    ris.answer = { code: "AA" };
    const t = await risOrderedDraft({ qualified: true, siteAccessionNumber: null });
    const original = await sign(t);
    const addendum = await signAddendum(t, "Nodule pulmonaire apical droit de 6 mm non décrit.");
    const [first, second] = await outbound(t.requestId);
    expect([first!.reportVersionId, second!.reportVersionId]).toEqual([original.versionId, addendum.versionId]);

    // The addendum's job runs first: it waits for the original.
    await deliver([second!.id], new Date());
    expect(receivedFor(t.placer)).toEqual([]);
    await deliver([first!.id], new Date());
    await deliver([second!.id], new Date());

    const received = receivedFor(t.placer);
    expect(received.map((m) => m.getSegment("OBR").getField(25))).toEqual(["F", "C"]);
    const correction = received[1]!;
    expect((correction.getSegments("OBX") as Obx[]).map((obx) => obx.getField(11))).toEqual(["C", "C", "C", "C", "C", "C"]);
    expect(observation(correction, "EMPREINTE_CR").getField(5)).toBe(addendum.fingerprint);
    expect(observation(correction, "EMPREINTE_CR_PRECEDENT").getField(5)).toBe(original.fingerprint);
    expect(unescape(observation(correction, "COMPTE_RENDU").getField(5))).toContain("Nodule pulmonaire apical droit de 6 mm non décrit.");
    // Without the site's number in the order, OBR-18 stays empty rather than guessing.
    expect(correction.getSegment("OBR").getField(18)).toBe("");
    // The corrected PDF prints the original and the addendum.
    const printed = (await pdfText(new Uint8Array(Buffer.from(observation(correction, "CR_PDF").getComponent(5, 5), "base64")))).replace(/\s+/g, " ");
    expect(printed).toContain("Addendum n° 1");
    expect(printed).toContain("Nodule pulmonaire apical droit");

    expect((await outbound(t.requestId)).map((m) => m.state)).toEqual(["ACKNOWLEDGED", "ACKNOWLEDGED"]);
    const block = await createCaller({ db, actor: t.referrer }).hl7Messages.forRequest({ requestId: t.requestId });
    expect(block.messages.map((m) => m.report)).toEqual([{ kind: "ORIGINAL", sequence: 0 }, { kind: "ADDENDUM", sequence: 1 }]);
  });

  it("keeps the report queued and visible while the RIS is down, and delivers it when the RIS is back", async () => {
    const down = await startRisPeer();
    const port = down.port;
    await down.stop();
    const t = await risOrderedDraft({ qualified: true, port });
    await sign(t);
    const [queued] = await outbound(t.requestId);
    const now = new Date();
    await deliver([queued!.id], now);
    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "QUEUED", attempts: 1, errorText: expect.any(String) })]);
    const block = await createCaller({ db, actor: t.referrer }).hl7Messages.forRequest({ requestId: t.requestId });
    expect(block.messages).toEqual([expect.objectContaining({ state: "QUEUED", attempts: 1, report: { kind: "ORIGINAL", sequence: 0 } })]);
    // Still undelivered some minutes later (its creation moved back): on the operations board, named as the report.
    await db.hl7Message.update({ where: { id: queued!.id }, data: { createdAt: new Date(now.getTime() - 6 * 60_000) } });
    const problems = await createCaller({ db, actor: t.head }).hl7Messages.outboundProblems();
    expect(problems.find((row) => row.id === queued!.id.toString())).toMatchObject({ state: "QUEUED", accessionNumber: t.accessionNumber, report: { kind: "ORIGINAL", sequence: 0 } });

    const back = await startRisPeer(port);
    try {
      await deliver([queued!.id], new Date(now.getTime() + 31_000));
      expect(back.received.map((m) => m.getSegment("ORC").getField(2))).toEqual([t.placer]);
      expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "ACKNOWLEDGED", attempts: 2, errorText: null })]);
    } finally {
      await back.stop();
    }
  });

  it("fails on the RIS's AE with its error, shown on the operations board; no INS leaves for an identity that is not qualified", async () => {
    ris.answer = { code: "AE", error: "Demande inconnue du RIS", location: "ORC^1^2" };
    const t = await risOrderedDraft({ qualified: false });
    await sign(t);
    const [queued] = await outbound(t.requestId);
    await deliver([queued!.id], new Date());

    const [message] = receivedFor(t.placer);
    expect(message!.getSegment("PID").getField(3)).toBe(`${t.sitePatientId}^^^HOPNORD^PI`);
    expect(message!.getSegment("PID").getField(32)).toBe("VALI");
    const printed = await pdfText(new Uint8Array(Buffer.from(observation(message!, "CR_PDF").getComponent(5, 5), "base64")));
    expect(printed).not.toContain(t.ins);
    expect(Buffer.from(observation(message!, "CR_CDA").getComponent(5, 5), "base64").toString("utf8")).not.toContain(t.ins);

    expect(await outbound(t.requestId)).toEqual([expect.objectContaining({ state: "FAILED", ackCode: "AE", errorText: "Demande inconnue du RIS (ORC-1-2)", attempts: 1 })]);
    const problems = await createCaller({ db, actor: t.head }).hl7Messages.outboundProblems();
    expect(problems.find((row) => row.id === queued!.id.toString())).toMatchObject({ state: "FAILED", orderControl: "RE", report: { kind: "ORIGINAL", sequence: 0 }, errorText: "Demande inconnue du RIS (ORC-1-2)" });
    ris.answer = { code: "AA" };
  });

  it("writes nothing for a request typed into the product: the RIS has no order to attach the report to", async () => {
    const t = await risOrderedDraft({ qualified: true, source: "FORM" });
    await sign(t);
    expect(await outbound(t.requestId)).toEqual([]);
  });
});
