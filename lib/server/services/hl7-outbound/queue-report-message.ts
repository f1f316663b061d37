import "server-only";
import { randomUUID } from "node:crypto";
import { buildReportMessage, examTimestamp, reportExam } from "@/lib/domain/hl7/outbound/build-report-message";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db/client";
import { getEnv } from "../../env";
import { enqueueJob } from "../../jobs/enqueue-job";
import { loadReportPdfInput } from "../../reports/load-report-pdf-input";
import { renderReportPdf } from "../../reports/render-report-pdf";
import { buildCdaForVersion } from "../cda/build-cda-for-version";
import type { SignedVersionOut } from "../results-out/queue-results-out";
import { OUTBOUND_INTERFACE_SELECT, OUTBOUND_PATIENT_SELECT, outboundPatientOf } from "./outbound-selects";

/**
 * The signed version as ORU^R01 to the site's RIS, in the signing transaction (the outbox): the
 * message exists if and only if the signature committed. Only for the requests the RIS ordered
 * (source HL7) through an interface that is active and has an outbound address, as for the
 * OK/OC answers: a request filed through the form has no order at the RIS to attach a report to.
 *
 * The PDF is rendered here, once: the version is frozen from this transaction on, and the raw
 * message stored with it is what every attempt and every manual resend sends, byte for byte.
 * Returns whether a message was queued (the caller wakes the job worker after commit).
 */
export async function queueReportMessageInTx(tx: Tx, out: SignedVersionOut): Promise<boolean> {
  const request = await tx.readingRequest.findUniqueOrThrow({
    where: { id: out.requestId },
    select: {
      source: true,
      siteId: true,
      placerOrderNumber: true,
      accessionNumber: true,
      siteAccessionNumber: true,
      ...OUTBOUND_PATIENT_SELECT,
      modality: true,
      bodyRegion: true,
      proposedExam: true,
      examPerformedAt: true,
      protocolItem: { select: { code: true, label: true } },
      risInterface: { select: OUTBOUND_INTERFACE_SELECT },
    },
  });
  const ris = request.risInterface;
  // No outbound listener configured (or the interface is deactivated): the RIS hears nothing, by the administrator's choice.
  if (request.source !== "HL7" || !ris || !ris.active || !ris.outboundHost || !ris.outboundPort) return false;

  const version = await tx.reportVersion.findUniqueOrThrow({
    where: { id: out.versionId },
    select: { kind: true, sequence: true, narrative: true, conclusion: true, signerName: true, signedAt: true, fingerprint: true, previousFingerprint: true, signedBy: { select: { rpps: true } } },
  });
  if (!version.signedAt || !version.fingerprint) throw new Error(`queueReportMessageInTx: version ${out.versionId} is not signed`);
  // The study the site's modality produced: its accession number when the RIS gave none in the order.
  const study = await tx.dicomStudy.findFirst({
    where: { requestId: out.requestId, linkState: "LINKED" },
    orderBy: { receivedAt: "asc" },
    select: { accessionNumber: true, studyDate: true, studyTime: true },
  });

  const patient = outboundPatientOf(request);
  const pdfInput = await loadReportPdfInput(tx, { requestId: out.requestId, sequence: version.sequence });
  const pdf = await renderReportPdf(pdfInput.input);

  // The CDA R2 document (CI-SIS IMG-CR-IMG) the RIS deposits in the DMP: the same bytes as the download of this version.
  const cdaXml = await buildCdaForVersion(tx, out.versionId);

  // MSH-10 stays the same across retries, so that the RIS can recognise a message it already processed.
  const controlId = `TLR${randomUUID().replaceAll("-", "").slice(0, 17).toUpperCase()}`;
  const raw = buildReportMessage({
    controlId,
    at: out.now,
    receivingApplication: ris.receivingApplication,
    receivingFacility: ris.receivingFacility,
    platformApplication: getEnv().HL7_APPLICATION,
    patient,
    placerOrderNumber: request.placerOrderNumber ?? "",
    fillerOrderNumber: request.accessionNumber,
    siteAccessionNumber: request.siteAccessionNumber ?? study?.accessionNumber ?? null,
    exam: reportExam(request),
    examAt: examTimestamp({ performedAt: request.examPerformedAt, studyDate: study?.studyDate ?? null, studyTime: study?.studyTime ?? null }),
    version: {
      kind: version.kind,
      narrative: version.narrative ?? "",
      conclusion: version.conclusion ?? "",
      signedAt: version.signedAt,
      fingerprint: version.fingerprint,
      previousFingerprint: version.previousFingerprint,
    },
    signer: { displayName: version.signerName ?? "", rpps: version.signedBy?.rpps ?? null },
    pdf,
    cdaXml,
  });
  const message = await tx.hl7Message.create({
    data: {
      direction: "OUTBOUND",
      risInterfaceId: ris.id,
      requestId: out.requestId,
      reportVersionId: out.versionId,
      messageType: "ORU^R01",
      orderControl: "RE",
      controlId,
      raw,
      state: "QUEUED",
      createdAt: out.now,
      updatedAt: out.now,
    },
    select: { id: true },
  });
  await enqueueJob(tx, { kind: "hl7.send", payload: { messageId: message.id.toString() }, runAt: out.now, dedupeKey: `hl7.send:${message.id}:queued` });
  await writeAudit(tx, {
    actorId: out.actor.id,
    action: "HL7_MESSAGE_QUEUED",
    entityType: "ReadingRequest",
    entityId: out.requestId,
    siteId: request.siteId,
    detail: { messageId: message.id.toString(), controlId, messageType: "ORU^R01", orderControl: "RE", risInterfaceId: ris.id, reportVersionId: out.versionId, sequence: version.sequence, kind: version.kind },
  });
  return true;
}
