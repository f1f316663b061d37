import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/domain/access";
import { buildDecisionMessage } from "@/lib/domain/hl7/outbound/build-decision-message";
import { outboundDecisionFor } from "@/lib/domain/hl7/outbound/order-control";
import type { RequestAction } from "@/lib/domain/request-state-machine";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { getEnv } from "../../env";
import { OUTBOUND_INTERFACE_SELECT, OUTBOUND_PATIENT_SELECT, outboundPatientOf } from "./outbound-selects";

/**
 * The outbox: in the transaction of a workflow act on a request ordered by the site's RIS,
 * writes the message the volet carries for it (Hl7Message OUTBOUND, QUEUED) and the job that
 * sends it, so that the message exists if and only if the decision committed. Called after the
 * transition, so that the message carries what the act just wrote (the protocol). Returns
 * whether a message was queued (the caller wakes the job worker after commit).
 */
export async function queueDecisionMessageInTx(tx: Tx, args: { requestId: string; action: RequestAction; actor: Actor; reason: string | null; now?: Date }): Promise<boolean> {
  // Most acts send nothing whoever the request came from: no query for them.
  if (!outboundDecisionFor(args.action, { cancelledByRis: false })) return false;
  const request = await tx.readingRequest.findUniqueOrThrow({
    where: { id: args.requestId },
    select: {
      source: true,
      siteId: true,
      placerOrderNumber: true,
      accessionNumber: true,
      ...OUTBOUND_PATIENT_SELECT,
      proposedExam: true,
      protocolText: true,
      contrastInjection: true,
      protocolItem: { select: { code: true, label: true } },
      holder: { select: { role: true, displayName: true, rpps: true } },
      risInterface: { select: OUTBOUND_INTERFACE_SELECT },
    },
  });
  const ris = request.risInterface;
  if (request.source !== "HL7" || !ris) return false;
  const decision = outboundDecisionFor(args.action, { cancelledByRis: args.actor.id === ris.serviceUserId });
  // No outbound listener configured (or the interface is deactivated): the RIS hears nothing, by the administrator's choice.
  if (!decision || !ris.active || !ris.outboundHost || !ris.outboundPort) return false;

  const now = args.now ?? new Date();
  // MSH-10 stays the same across retries, so that the RIS can recognise a message it already processed.
  const controlId = `TLR${randomUUID().replaceAll("-", "").slice(0, 17).toUpperCase()}`;
  const radiologist = await remoteRadiologist(tx, args.actor, request.holder);
  const raw = buildDecisionMessage({
    controlId,
    at: now,
    receivingApplication: ris.receivingApplication,
    receivingFacility: ris.receivingFacility,
    orderControl: decision.orderControl,
    patient: outboundPatientOf(request),
    placerOrderNumber: request.placerOrderNumber ?? "",
    fillerOrderNumber: request.accessionNumber,
    radiologist,
    reason: decision.orderControl === "OC" ? args.reason : null,
    protocol: decision.carriesProtocol ? protocolText(request) : null,
    platformApplication: getEnv().HL7_APPLICATION,
  });
  const message = await tx.hl7Message.create({
    data: {
      direction: "OUTBOUND",
      risInterfaceId: ris.id,
      requestId: args.requestId,
      messageType: "ORU^R01",
      orderControl: decision.orderControl,
      controlId,
      raw,
      state: "QUEUED",
      createdAt: now,
      updatedAt: now,
    },
    select: { id: true },
  });
  await enqueueJob(tx, { kind: "hl7.send", payload: { messageId: message.id.toString() }, runAt: now, dedupeKey: `hl7.send:${message.id}:queued` });
  await writeAudit(tx, {
    actorId: args.actor.id,
    action: "HL7_MESSAGE_QUEUED",
    entityType: "ReadingRequest",
    entityId: args.requestId,
    siteId: request.siteId,
    detail: { messageId: message.id.toString(), controlId, messageType: "ORU^R01", orderControl: decision.orderControl, risInterfaceId: ris.id },
  });
  return true;
}

/** ORC-12: the radiologist who decided (the actor), else the one holding the request (a cancellation by the head). */
async function remoteRadiologist(tx: Tx, actor: Actor, holder: { role: string; displayName: string; rpps: string | null } | null) {
  if (actor.role === "RADIOLOGIST") {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { displayName: true, rpps: true } });
    return user;
  }
  return holder?.role === "RADIOLOGIST" ? { displayName: holder.displayName, rpps: holder.rpps } : null;
}

/** The prescription as the radiographer at the site reads it, one item per line (OBX-5, FT). */
function protocolText(request: { protocolItem: { code: string; label: string } | null; protocolText: string | null; contrastInjection: boolean | null; proposedExam: string | null }): string {
  return [
    request.proposedExam && `Examen proposé : ${request.proposedExam}`,
    request.protocolItem && `Protocole : ${request.protocolItem.label} (${request.protocolItem.code})`,
    request.protocolText,
    request.contrastInjection !== null && `Injection de produit de contraste : ${request.contrastInjection ? "oui" : "non"}`,
  ]
    .filter((line): line is string => Boolean(line))
    .join("\n");
}
