// Writes a past request and its timeline as the services would have written them, at given
// times: for the demo history and the dashboard tests. The milestones trigger derives the
// dashboard's row from these events, as it does in production.
import { randomUUID } from "node:crypto";
import type { RequestStatus } from "../lib/domain/enums";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { HistoryTimeline } from "./demo-history-spec";
import { demoTemplate, insertDemoSignedReport } from "./demo-signed-report";

type EventRow = {
  type: "SUBMITTED" | "CLAIMED" | "STATUS_CHANGED" | "IMAGES_RECEIVED" | "IMAGES_COMPLETE" | "PATIENT_INFORMED" | "REPORT_OPENED";
  to?: RequestStatus;
  actorId: string;
  at: Date;
  reason?: string;
};

export async function insertTimeline(
  db: PrismaClient,
  args: {
    siteId: string;
    requesterId: string;
    readerId: string;
    /** Who told the patient the act is remote: the site's radiographer, else the requester. */
    informerId?: string;
    submittedAt: Date;
    timeline: Omit<HistoryTimeline, "siteCode" | "daysAgo" | "time" | "reader">;
  },
): Promise<{ id: string; status: RequestStatus }> {
  const { timeline: spec, requesterId, readerId } = args;
  const informerId = args.informerId ?? requesterId;
  const at = (minutes: number) => new Date(args.submittedAt.getTime() + minutes * 60_000);
  const events: EventRow[] = [{ type: "SUBMITTED", to: "SUBMITTED", actorId: requesterId, at: args.submittedAt }];
  const move = (to: RequestStatus, minutes: number, actorId: string, type: EventRow["type"] = "STATUS_CHANGED", reason?: string) =>
    events.push({ type, to, actorId, at: at(minutes), ...(reason ? { reason } : {}) });

  if (spec.type === "TELEDIAGNOSTIC") {
    events.push({ type: "CLAIMED", actorId: readerId, at: at(0) });
    if (spec.decided !== undefined) move(spec.refusedReason ? "INDICATION_REFUSED" : "INDICATION_ACCEPTED", spec.decided, readerId, "STATUS_CHANGED", spec.refusedReason);
    if (spec.complete !== undefined && spec.decided !== undefined) {
      move("PROTOCOL_SENT", spec.decided, readerId);
      // Every demo site requires it before reading (start-reading.ts refuses otherwise).
      events.push({ type: "PATIENT_INFORMED", actorId: informerId, at: at(spec.decided + (spec.complete - spec.decided) / 2) });
      move("IMAGES_ARRIVING", Math.max(spec.decided, spec.complete - 5), requesterId, "IMAGES_RECEIVED");
      move("IMAGES_COMPLETE", spec.complete, requesterId, "IMAGES_COMPLETE");
    }
  } else if (spec.claimed !== undefined) {
    events.push({ type: "CLAIMED", actorId: readerId, at: at(spec.claimed) });
  }
  if (spec.claimed !== undefined) move("IN_READING", spec.claimed, readerId);
  if (spec.signed !== undefined) {
    move("SIGNED", spec.signed, readerId);
    move("DELIVERED", spec.signed, readerId);
  }
  // Acknowledged only after a signed report, opened first (open-report.ts, acknowledge-report.ts).
  if (spec.acknowledged !== undefined && spec.signed !== undefined) {
    events.push({ type: "REPORT_OPENED", actorId: requesterId, at: at(spec.acknowledged), reason: "v0" });
    move("ACKNOWLEDGED", spec.acknowledged, requesterId);
  }
  if (spec.cancelled !== undefined) move("CANCELLED", spec.cancelled, requesterId, "STATUS_CHANGED", spec.cancelReason ?? "Annulée");

  const id = randomUUID();
  const status = events.reduce<RequestStatus>((current, event) => event.to ?? current, "SUBMITTED");
  const claimed = events.find((event) => event.type === "CLAIMED");
  const informed = events.find((event) => event.type === "PATIENT_INFORMED");
  const signed = spec.signed !== undefined ? await signedReportContext(db, args.siteId, readerId, spec.type) : null;
  await db.$transaction(async (tx) => {
    await tx.readingRequest.create({
      data: {
        id,
        siteId: args.siteId,
        requesterId,
        idempotencyKey: id,
        payloadHash: "0".repeat(64),
        type: spec.type,
        priority: spec.priority,
        status,
        patientFamilyName: "HISTORIQUE",
        patientGivenName: "Patient",
        patientBirthDate: new Date("1958-06-14"),
        patientSex: "UNKNOWN",
        sitePatientId: `H-${id.slice(0, 8)}`,
        modality: spec.modality,
        bodyRegion: spec.modality === "CT" ? "Encéphale" : "Thorax",
        clinicalContext: "Activité passée (historique de démonstration).",
        clinicalQuestion: "Recherche de lésion aiguë.",
        ...(spec.type === "TELEEXPERTISE" ? { expertQuestion: "Avis sur l'examen réalisé." } : {}),
        submittedAt: args.submittedAt,
        ...(claimed ? { holderId: readerId, claimedAt: claimed.at, holdKind: "CLAIMED" as const, holdAcknowledgedAt: claimed.at } : {}),
        ...(spec.claimed !== undefined ? { readingStartedAt: at(spec.claimed) } : {}),
        ...(informed ? { patientInformedAt: informed.at, patientInformedById: informed.actorId } : {}),
      },
    });
    let from: RequestStatus | null = null;
    for (const event of events) {
      await tx.requestEvent.create({
        data: {
          requestId: id,
          actorId: event.actorId,
          type: event.type,
          fromStatus: event.type === "CLAIMED" ? null : from,
          toStatus: event.to ?? null,
          reason: event.reason ?? null,
          at: event.at,
        },
      });
      if (event.to) from = event.to;
    }
    if (signed && spec.signed !== undefined) {
      await insertDemoSignedReport(tx, {
        requestId: id,
        type: spec.type,
        modality: spec.modality,
        siteName: signed.siteName,
        template: signed.template,
        signer: signed.signer,
        requesterId,
        signedAt: at(spec.signed),
        acknowledgedAt: spec.acknowledged !== undefined ? at(spec.acknowledged) : null,
      });
    }
  });
  return { id, status };
}

async function signedReportContext(db: PrismaClient, siteId: string, readerId: string, type: HistoryTimeline["type"]) {
  const [site, reader, template] = await Promise.all([
    db.site.findUniqueOrThrow({ where: { id: siteId }, select: { name: true } }),
    db.user.findUniqueOrThrow({ where: { id: readerId }, select: { id: true, displayName: true } }),
    demoTemplate(db, type),
  ]);
  return { siteName: site.name, signer: { id: reader.id, name: reader.displayName }, template };
}
