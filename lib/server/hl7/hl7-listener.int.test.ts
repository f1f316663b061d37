import { connect } from "node:net";
import hl7 from "simple-hl7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import { createRisInterface, omiMessage, ormMessage, readAck, sendWithPeer, type TestRisInterface, uniqueId, VOLET_INS } from "./hl7-test-kit";
import { type Hl7Listener, startHl7Listener } from "./start-hl7-listener";

// The listener driven over TCP by an independent HL7 peer (simple-hl7's MLLP client), with
// messages shaped like the volet Téléradiologie's examples. Each case checks what the RIS sees
// (the ACK: MSA-1, ERR-2, ERR-3) and what the platform kept (requests, messages, audit).

const db = connectTestDb(8);
let listener: Hl7Listener;
let port: number;

beforeAll(async () => {
  listener = await startHl7Listener({ db, port: 0, log: () => undefined, limits: { maxMessageBytes: 64 * 1024 } });
  port = listener.port;
});
afterAll(() => listener.close());

async function setup(): Promise<{ ris: TestRisInterface; siteId: string }> {
  const site = await createSite(db);
  return { ris: await createRisInterface(db, site.id), siteId: site.id };
}

/** One message on a raw connection: the ACK text, or null when the server closed the connection first. */
function sendOrClosed(port: number, message: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let buffer = "";
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const end = buffer.indexOf("\x1c\r");
      if (end === -1) return;
      socket.destroy();
      resolve(buffer.slice(buffer.indexOf("\x0b") + 1, end));
    });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(null));
    socket.write(`\x0b${message}\x1c\r`);
  });
}

const requestsOf = (siteId: string) => db.readingRequest.findMany({ where: { siteId }, orderBy: { submittedAt: "asc" } });

describe("ORM^O01 NW (flow 1)", () => {
  it("creates the request from the volet's example and answers AA", async () => {
    const { ris, siteId } = await setup();
    const placer = uniqueId("OPN");
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, placer, controlId: "CTRL-1", priority: "S", extraObx: ["OBX|8|TX|CONTRE_INDICATION^Contre-indication^TLR_PLATEFORME||Pacemaker||||||O", "OBX|9|CE|INFORMATION_PATIENT^Patient informé^TLR_PLATEFORME||Y||||||O"] }));
    expect(ack).toMatchObject({ code: "AA", controlId: "CTRL-1", errors: [] });

    const [request, ...others] = await requestsOf(siteId);
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({
      source: "HL7",
      risInterfaceId: ris.id,
      placerOrderNumber: placer,
      requesterId: ris.serviceUserId,
      orderingProvider: "Adam HODA (RPPS 01234567897)",
      type: "TELEDIAGNOSTIC",
      priority: "VITAL",
      status: "SUBMITTED",
      patientFamilyName: "PAT-TROIS",
      patientGivenName: "DOMINIQUE",
      patientSex: "FEMALE",
      sitePatientId: "IPP405660",
      sitePatientIdIssuer: "CHU-X",
      patientIns: VOLET_INS,
      patientInsStatus: "QUALIFIED",
      modality: "MR",
      bodyRegion: "tête et/ou cou, côté droit",
      clinicalQuestion: "Recherche d'un saignement intracrânien",
      pregnancy: "NOT_PREGNANT",
      otherContraindications: "Pacemaker",
      siteAccessionNumber: `ACN${placer.slice(-8)}`,
    });
    expect(request?.patientBirthDate.toISOString().slice(0, 10)).toBe("1979-03-28");
    expect(request?.clinicalContext).toContain("Antécédents : Antécédents majeur du patient");
    expect(request?.patientInformedAt).not.toBeNull();
    const events = await db.requestEvent.findMany({ where: { requestId: request!.id }, select: { type: true } });
    expect(events.map((event) => event.type).sort()).toEqual(["PATIENT_INFORMED", "SUBMITTED"]);
    const message = await db.hl7Message.findFirstOrThrow({ where: { risInterfaceId: ris.id, controlId: "CTRL-1" } });
    expect(message).toMatchObject({ direction: "INBOUND", state: "ACCEPTED", ackCode: "AA", requestId: request!.id, messageType: "ORM^O01", orderControl: "NW" });
    expect(message.raw).toContain("TRANSMISSION_DEMANDE");
    expect(await db.auditLog.count({ where: { entityType: "Hl7Message", entityId: message.id.toString(), action: "HL7_MESSAGE_ACCEPTED" } })).toBe(1);
  });

  it("files the order under the physician's own account when their RPPS has one at the site", async () => {
    const { ris, siteId } = await setup();
    const physician = await createUser(db, { role: "REFERRER", siteId });
    const rpps = String(10_000_000_000 + Math.floor(Math.random() * 89_999_999_999)).slice(0, 11);
    await db.user.update({ where: { id: physician.id }, data: { rpps } });
    expect((await sendWithPeer(port, ormMessage({ sender: ris, rpps: `8${rpps}` }))).code).toBe("AA");
    const [request] = await requestsOf(siteId);
    expect(request).toMatchObject({ requesterId: physician.id, orderingProvider: null });
  });

  it("answers a resent message (same control id) with the first AA and makes no second request", async () => {
    const { ris, siteId } = await setup();
    const message = ormMessage({ sender: ris, controlId: "RESEND-1" });
    expect((await sendWithPeer(port, message)).code).toBe("AA");
    expect((await sendWithPeer(port, message)).code).toBe("AA");
    expect(await requestsOf(siteId)).toHaveLength(1);
    expect(await db.hl7Message.count({ where: { risInterfaceId: ris.id } })).toBe(1);
  });

  it("makes one request of the same placer order number sent twice under different control ids", async () => {
    const { ris, siteId } = await setup();
    const placer = uniqueId("OPN");
    const [first, second] = await Promise.all([sendWithPeer(port, ormMessage({ sender: ris, placer })), sendWithPeer(port, ormMessage({ sender: ris, placer }))]);
    expect([first.code, second.code]).toEqual(["AA", "AA"]);
    const requests = await requestsOf(siteId);
    expect(requests).toHaveLength(1);
    expect(await db.hl7Message.count({ where: { risInterfaceId: ris.id, requestId: requests[0]!.id, state: "ACCEPTED" } })).toBe(2);
  });

  it("never changes an existing request's patient: same IPP, other identity, is a separate request", async () => {
    const { ris, siteId } = await setup();
    expect((await sendWithPeer(port, ormMessage({ sender: ris, ipp: "IPP777" }))).code).toBe("AA");
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, ipp: "IPP777", familyName: "AUTRE", givenName: "PERSONNE", birthDate: "19500101", sex: "M", ins: "", pid: undefined }));
    expect(ack.code).toBe("AA");
    const [original, other] = await requestsOf(siteId);
    expect(original).toMatchObject({ patientFamilyName: "PAT-TROIS", patientGivenName: "DOMINIQUE", patientSex: "FEMALE", patientIns: VOLET_INS });
    expect(original?.patientBirthDate.toISOString().slice(0, 10)).toBe("1979-03-28");
    expect(other).toMatchObject({ patientFamilyName: "AUTRE", patientSex: "MALE" });
  });

  it("refuses the same placer order number for another patient (AE 205 at ORC-2), leaving the first request as it was", async () => {
    const { ris, siteId } = await setup();
    const placer = uniqueId("OPN");
    await sendWithPeer(port, ormMessage({ sender: ris, placer }));
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, placer, familyName: "AUTRE", ipp: "IPP999" }));
    expect(ack.code).toBe("AE");
    expect(ack.errors).toEqual([expect.objectContaining({ location: "ORC-2", code: "205" })]);
    const requests = await requestsOf(siteId);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.patientFamilyName).toBe("PAT-TROIS");
  });
});

describe("refused messages: the right ACK and nothing written but the message and its audit", () => {
  async function expectNothingFiled(siteId: string) {
    expect(await requestsOf(siteId)).toHaveLength(0);
  }

  it("wrong version: AR 203 at MSH-12", async () => {
    const { ris, siteId } = await setup();
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, version: "2.3", controlId: "V23" }));
    expect(ack.code).toBe("AR");
    expect(ack.errors).toEqual([expect.objectContaining({ location: "MSH-12", code: "203" })]);
    await expectNothingFiled(siteId);
    const kept = await db.hl7Message.findFirstOrThrow({ where: { controlId: "V23", risInterfaceId: null, raw: { contains: ris.sendingApplication } } });
    expect(kept).toMatchObject({ state: "REJECTED", ackCode: "AR" });
    expect(kept.errorText).toContain("203 MSH-12");
  });

  it("missing PID: AE 100 naming PID", async () => {
    const { ris, siteId } = await setup();
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, pid: "" }));
    expect(ack.code).toBe("AE");
    expect(ack.errors).toEqual([expect.objectContaining({ location: "PID", code: "100" })]);
    await expectNothingFiled(siteId);
    expect(await db.hl7Message.count({ where: { risInterfaceId: ris.id, state: "ERROR", ackCode: "AE" } })).toBe(1);
  });

  it("an INS whose key is wrong: AE 102 at PID-3", async () => {
    const { ris, siteId } = await setup();
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, ins: "279035121518988" }));
    expect(ack.code).toBe("AE");
    expect(ack.errors).toEqual([expect.objectContaining({ location: "PID-3", code: "102" })]);
    await expectNothingFiled(siteId);
  });

  it("unknown facility: AR 204 at MSH-4, kept without an interface and audited", async () => {
    const { siteId } = await setup();
    const stranger = { sendingApplication: "RIS_INCONNU", sendingFacility: uniqueId("NOWHERE") };
    const ack = await sendWithPeer(port, ormMessage({ sender: stranger }));
    expect(ack.code).toBe("AR");
    expect(ack.errors).toEqual([expect.objectContaining({ location: "MSH-4", code: "204" })]);
    await expectNothingFiled(siteId);
    const kept = await db.hl7Message.findFirstOrThrow({ where: { raw: { contains: stranger.sendingFacility } } });
    expect(kept).toMatchObject({ risInterfaceId: null, state: "REJECTED" });
    expect(await db.auditLog.count({ where: { entityType: "Hl7Message", entityId: kept.id.toString(), action: "HL7_MESSAGE_REFUSED" } })).toBe(1);
  });

  it("a registered RIS connecting from an address outside its allow-list: AR", async () => {
    const site = await createSite(db);
    const ris = await createRisInterface(db, site.id, { allowedNetworks: ["10.99.0.0/16"] });
    const ack = await sendWithPeer(port, ormMessage({ sender: ris }));
    expect(ack.code).toBe("AR");
    await expectNothingFiled(site.id);
  });

  it("a control id reused for another content: AR 205 at MSH-10, the first request untouched", async () => {
    const { ris, siteId } = await setup();
    await sendWithPeer(port, ormMessage({ sender: ris, controlId: "DUP-1" }));
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, controlId: "DUP-1" }));
    expect(ack.code).toBe("AR");
    expect(ack.errors).toEqual([expect.objectContaining({ location: "MSH-10", code: "205" })]);
    expect(await requestsOf(siteId)).toHaveLength(1);
  });

  it("an unsupported message type: AR 200 at MSH-9", async () => {
    const { ris } = await setup();
    const adt = ormMessage({ sender: ris }).replace("ORM^O01^ORM_O01", "ADT^A01^ADT_A01");
    const ack = await sendWithPeer(port, adt);
    expect(ack).toMatchObject({ code: "AR", errors: [expect.objectContaining({ location: "MSH-9", code: "200" })] });
  });

  it("unparseable text and broken framing get AR, and the connection stays usable", async () => {
    const { ris, siteId } = await setup();
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    const parser = new hl7.Parser({ segmentSeperator: "\r" });
    const acks: string[] = [];
    let buffer = "";
    const nextAck = () =>
      new Promise<ReturnType<typeof readAck>>((resolve) => {
        const onData = (chunk: Buffer) => {
          buffer += chunk.toString("utf8");
          const end = buffer.indexOf("\x1c\r");
          if (end === -1) return;
          const frame = buffer.slice(buffer.indexOf("\x0b") + 1, end);
          buffer = buffer.slice(end + 2);
          socket.off("data", onData);
          acks.push(frame);
          resolve(readAck(parser.parse(frame)));
        };
        socket.on("data", onData);
      });
    socket.write("GARBAGE WITHOUT FRAMING");
    expect((await nextAck()).code).toBe("AR");
    socket.write("\x0bNOT AN HL7 MESSAGE\x1c\r");
    expect((await nextAck()).code).toBe("AR");
    socket.write(`\x0b${ormMessage({ sender: ris })}\x1c\r`);
    expect((await nextAck()).code).toBe("AA");
    socket.destroy();
    expect(await requestsOf(siteId)).toHaveLength(1);
  });

  it("a message over the size limit gets AR and the next one is processed", async () => {
    const { ris, siteId } = await setup();
    const huge = ormMessage({ sender: ris, extraObx: [`OBX|8|TX|RESULTATS_ANTERIEURS||${"x".repeat(70 * 1024)}||||||O`] });
    expect((await sendWithPeer(port, huge)).code).toBe("AR");
    expect((await sendWithPeer(port, ormMessage({ sender: ris }))).code).toBe("AA");
    expect(await requestsOf(siteId)).toHaveLength(1);
  });
});

describe("ORM^O01 CA (flow 2) and OMI^O23 (flow 4)", () => {
  it("cancels the order while the state machine allows it", async () => {
    const { ris, siteId } = await setup();
    const placer = uniqueId("OPN");
    await sendWithPeer(port, ormMessage({ sender: ris, placer }));
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, placer, orderControl: "CA", cancelReason: "Patient transféré" }));
    expect(ack.code).toBe("AA");
    const [request] = await requestsOf(siteId);
    expect(request?.status).toBe("CANCELLED");
    const event = await db.requestEvent.findFirstOrThrow({ where: { requestId: request!.id, toStatus: "CANCELLED" } });
    expect(event).toMatchObject({ reason: "Patient transféré", actorId: ris.serviceUserId });
  });

  it("refuses CA for an unknown order: AE 204 at ORC-2", async () => {
    const { ris } = await setup();
    const ack = await sendWithPeer(port, ormMessage({ sender: ris, placer: "INCONNU-1", orderControl: "CA" }));
    expect(ack).toMatchObject({ code: "AE", errors: [expect.objectContaining({ location: "ORC-2", code: "204" })] });
  });

  it("records the post-exam information, then refuses a cancellation with the reason", async () => {
    const { ris, siteId } = await setup();
    const placer = uniqueId("OPN");
    await sendWithPeer(port, ormMessage({ sender: ris, placer }));
    expect((await sendWithPeer(port, omiMessage({ sender: ris, placer, performedAt: "20260106184418" }))).code).toBe("AA");
    const [request] = await requestsOf(siteId);
    expect(request?.examPerformedAt?.toISOString()).toBe("2026-01-06T17:44:18.000Z");
    expect(request?.performedTechnique).toContain("Acte : résonance magnétique cerveau (24590-2)");
    expect(request?.performedTechnique).toContain("Produit administré : acide gadotérique, 15 ml");
    expect(request?.doseReport).toBe("0 mGy.cm");
    expect(request?.postExamReceivedAt).not.toBeNull();
    expect(await db.requestEvent.count({ where: { requestId: request!.id, type: "POST_EXAM_RECORDED" } })).toBe(1);

    const ack = await sendWithPeer(port, ormMessage({ sender: ris, placer, orderControl: "CA" }));
    expect(ack).toMatchObject({ code: "AE", errors: [expect.objectContaining({ location: "ORC-1", code: "206" })] });
    expect(ack.errors[0]?.text).toContain("post-examen");
    expect((await db.readingRequest.findUniqueOrThrow({ where: { id: request!.id } })).status).toBe("SUBMITTED");
  });

  it("refuses post-exam information for an unknown order: AE 204 at ORC-2", async () => {
    const { ris } = await setup();
    const ack = await sendWithPeer(port, omiMessage({ sender: ris, placer: "INCONNU-2" }));
    expect(ack).toMatchObject({ code: "AE", errors: [expect.objectContaining({ location: "ORC-2", code: "204" })] });
  });
});

describe("the port's limits", () => {
  it("closes a connection beyond the per-address limit at once and keeps serving the others", async () => {
    const limited = await startHl7Listener({ db, port: 0, log: () => undefined, limits: { maxConnectionsPerPeer: 1 } });
    try {
      const { ris, siteId } = await setup();
      const first = connect(limited.port, "127.0.0.1");
      await new Promise<void>((resolve) => first.once("connect", resolve));
      const second = connect(limited.port, "127.0.0.1");
      await new Promise<void>((resolve) => second.once("close", () => resolve()));
      first.destroy();
      await new Promise<void>((resolve) => first.once("close", () => resolve()));
      // Released once the server has seen the close: a sender closed at once is refused, the next served.
      const message = ormMessage({ sender: ris });
      let ack: string | null = null;
      for (let attempt = 0; attempt < 50 && ack === null; attempt++) ack = await sendOrClosed(limited.port, message);
      expect(ack).toMatch(/\rMSA\|AA\|/);
      expect(await requestsOf(siteId)).toHaveLength(1);
    } finally {
      await limited.close();
    }
  });
});
