import { Buffer } from "node:buffer";
import { escapeHl7 } from "../hl7-text";
import { formatHl7Instant } from "../hl7-timestamp";
import { addOrderCommon, fillerOrderNumber, radiologistNdl, radiologistXcn, startOruMessage, type OutboundHeader, type OutboundPatient, type OutboundRadiologist } from "./outbound-segments";

// The signed report to the site's RIS: ORU^R01 with ORC-1 "RE" (observations to follow), in the
// shape of IHE RAD-28 (report export) under the volet's header and identities. The volet has no
// report flow of its own yet, so OBX-3 uses the volet's code system for observations
// (TLR_OBSERVATION) with the platform's codes, and the LOINC code a RIS may map as the
// alternate identifier. An addendum is a complete corrected report (it starts from the version
// it corrects), so its message is a correction: OBR-25 and OBX-11 say "C".

export interface ReportMessageInput extends OutboundHeader {
  patient: OutboundPatient;
  placerOrderNumber: string;
  /** The platform's number for the order (ORC-3/OBR-3): the request's accession number. */
  fillerOrderNumber: string;
  /** OBR-18: the site's accession number of the exam (its RIS or its modality gave it). */
  siteAccessionNumber: string | null;
  /** OBR-4. */
  exam: ReportExam;
  /** OBR-7, already an HL7 TS (examTimestamp), or null when the platform does not know it. */
  examAt: string | null;
  version: {
    kind: "ORIGINAL" | "ADDENDUM";
    narrative: string;
    conclusion: string;
    signedAt: Date;
    fingerprint: string;
    previousFingerprint: string | null;
  };
  signer: OutboundRadiologist;
  /** The signed report as printed (every signed version up to this one). */
  pdf: Uint8Array;
  /** The CDA R2 document of this version (CR-IMG), when one is built. */
  cdaXml?: string;
}

export interface ReportExam {
  code: string | null;
  text: string;
}

interface Observation {
  type: "FT" | "ST" | "ED";
  id: readonly [code: string, label: string, loinc?: readonly [string, string]];
  /** Already escaped / encoded for OBX-5. */
  value: string;
}

const NARRATIVE = ["COMPTE_RENDU", "Compte rendu d'imagerie", ["18782-3", "Radiology Study observation (narrative)"]] as const;
const CONCLUSION = ["CONCLUSION", "Synthèse et conclusion", ["19005-8", "Radiology Imaging study [Impression] (narrative)"]] as const;
const PDF = ["CR_PDF", "Compte rendu signé (PDF)", ["18748-4", "Diagnostic imaging study"]] as const;
const CDA = ["CR_CDA", "Compte rendu signé (CDA R2)", ["18748-4", "Diagnostic imaging study"]] as const;
const FINGERPRINT = ["EMPREINTE_CR", "Empreinte SHA-256 de la version signée"] as const;
const PREVIOUS_FINGERPRINT = ["EMPREINTE_CR_PRECEDENT", "Empreinte SHA-256 de la version corrigée"] as const;

/** The message as sent: segments separated by CR, values escaped, documents in base64. */
export function buildReportMessage(input: ReportMessageInput): string {
  const message = startOruMessage(input, input.patient);
  const status = input.version.kind === "ADDENDUM" ? "C" : "F";
  const signedAt = formatHl7Instant(input.version.signedAt, "UTC");

  const orc = addOrderCommon(message, { ...input, orderControl: "RE", at: input.version.signedAt, radiologist: input.signer });
  orc.set("ORC.5", "CM");

  const obr = message.addSegment("OBR");
  obr.set("OBR.1", "1");
  obr.set("OBR.2", escapeHl7(input.placerOrderNumber));
  obr.set("OBR.3", fillerOrderNumber(input.fillerOrderNumber, input.platformApplication));
  obr.set("OBR.4", input.exam.code ? `${escapeHl7(input.exam.code)}^${escapeHl7(input.exam.text)}^L` : `^${escapeHl7(input.exam.text)}`);
  if (input.examAt) obr.set("OBR.7", input.examAt);
  if (input.siteAccessionNumber) obr.set("OBR.18", escapeHl7(input.siteAccessionNumber));
  obr.set("OBR.22", signedAt);
  obr.set("OBR.24", "RAD");
  obr.set("OBR.25", status);
  obr.set("OBR.32", radiologistNdl(input.signer));

  const observations: Observation[] = [
    { type: "FT", id: NARRATIVE, value: escapeHl7(input.version.narrative, { formatted: true }) },
    { type: "FT", id: CONCLUSION, value: escapeHl7(input.version.conclusion, { formatted: true }) },
    { type: "ED", id: PDF, value: encapsulated("application", "pdf", input.pdf) },
  ];
  if (input.cdaXml !== undefined) observations.push({ type: "ED", id: CDA, value: encapsulated("text", "xml", new TextEncoder().encode(input.cdaXml)) });
  observations.push({ type: "ST", id: FINGERPRINT, value: escapeHl7(input.version.fingerprint) });
  if (input.version.previousFingerprint) observations.push({ type: "ST", id: PREVIOUS_FINGERPRINT, value: escapeHl7(input.version.previousFingerprint) });

  const signer = radiologistXcn(input.signer);
  observations.forEach((observation, index) => {
    const obx = message.addSegment("OBX");
    obx.set("OBX.1", String(index + 1));
    obx.set("OBX.2", observation.type);
    obx.set("OBX.3", observationIdentifier(observation.id));
    obx.set("OBX.5", observation.value);
    obx.set("OBX.11", status);
    obx.set("OBX.14", signedAt);
    if (signer) obx.set("OBX.16", signer);
  });
  return message.toString();
}

/** OBX-3 as CE: the platform's code in TLR_OBSERVATION, then the LOINC code when there is an exact one. */
function observationIdentifier([code, label, loinc]: Observation["id"]): string {
  const local = `${code}^${escapeHl7(label)}^TLR_OBSERVATION`;
  return loinc ? `${local}^${loinc[0]}^${escapeHl7(loinc[1])}^LN` : local;
}

/** ED: no source application, the MIME type and subtype, Base64 (whose alphabet holds no HL7 delimiter). */
function encapsulated(type: string, subtype: string, bytes: Uint8Array): string {
  return `^${type}^${subtype}^Base64^${Buffer.from(bytes).toString("base64")}`;
}

/**
 * OBR-4: the act the radiologist protocolled from the site's catalogue (its code, a local one),
 * else the exam they proposed instead of the one asked, else what was asked (modality and region).
 */
export function reportExam(request: { protocolItem: { code: string; label: string } | null; proposedExam: string | null; modality: string; bodyRegion: string }): ReportExam {
  if (request.protocolItem) return { code: request.protocolItem.code, text: request.protocolItem.label };
  const proposed = request.proposedExam?.trim();
  return { code: null, text: proposed || `${request.modality} ${request.bodyRegion}`.trim() };
}

/**
 * OBR-7: when the exam was performed. The site's post-exam message gives an instant; otherwise
 * the study's DICOM date and time, which are the site's local wall clock, as is an HL7 TS
 * without an offset, so they pass unchanged (to the second).
 */
export function examTimestamp(exam: { performedAt: Date | null; studyDate: string | null; studyTime: string | null }): string | null {
  if (exam.performedAt) return formatHl7Instant(exam.performedAt, "UTC");
  if (!exam.studyDate || !/^\d{8}$/.test(exam.studyDate)) return null;
  const time = /^\d{2,6}/.exec(exam.studyTime?.trim() ?? "")?.[0] ?? "";
  return `${exam.studyDate}${time.length % 2 === 0 ? time : time.slice(0, -1)}`;
}
