// Shared by the worklist integration tests: DCMTK's findscu as the modality, its responses read
// back from the files it extracts (-X), and télédiagnostics brought to the protocol step as the
// workflow would leave them.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import dcmjs from "dcmjs";
import { submitRequest } from "@/lib/server/services/requests/submit-request";
import { actorOf } from "@/lib/testing/test-db";
import { createProtocolItem, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import type { Db } from "../../db/client";
import { tempDir } from "../dimse/dimse-test-kit";
import type { NaturalDataset } from "./worklist-query";

export interface FindRun {
  code: number | null;
  output: string;
  /** The Pending responses' identifiers, in order. */
  items: NaturalDataset[];
  /**
   * The same as DCMTK's dcmdump prints them, text converted to UTF-8 from the declared Specific
   * Character Set: how a DCMTK-based scanner reads them. (dcmjs 0.52 reads the text of sequence
   * items without the dataset's character set, so accents inside the step are checked here.)
   */
  dumps: string[];
}

/** `findscu -W` with `-k` keys; never rejects on a non-zero exit, which some tests expect. */
export async function findWorklist(peer: { port: number; calledAe: string }, callingAe: string, keys: readonly string[], extra: readonly string[] = []): Promise<FindRun> {
  const dir = tempDir();
  const args = ["-W", "-v", "-X", "-od", dir, "-aet", callingAe, "-aec", peer.calledAe, ...extra, ...keys.flatMap((key) => ["-k", key]), "127.0.0.1", String(peer.port)];
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn("findscu", args, { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (exit) => resolve({ code: exit, output: text }));
  });
  const files = readdirSync(dir)
    .filter((name) => /^rsp\d+\.dcm$/.test(name))
    .sort();
  const items = files.map((name) => {
    const bytes = readFileSync(path.join(dir, name));
    const file = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict) as NaturalDataset;
  });
  const dumps = await Promise.all(files.map((name) => dump(path.join(dir, name))));
  return { code, output, items, dumps };
}

function dump(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("dcmdump", ["+U8", file], { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", () => resolve(text));
  });
}

/** The return keys a scanner typically asks for (the step's keys inside its sequence). */
export const SCANNER_KEYS = [
  "SpecificCharacterSet",
  "PatientName",
  "PatientID",
  "IssuerOfPatientID",
  "PatientBirthDate",
  "PatientSex",
  "OtherPatientIDsSequence",
  "AccessionNumber",
  "ReferringPhysicianName",
  "StudyInstanceUID",
  "RequestedProcedureDescription",
  "RequestedProcedureID",
  "RequestedProcedurePriority",
  "ScheduledProcedureStepSequence[0].Modality",
  "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
  "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate",
  "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime",
  "ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription",
  "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID",
] as const;

export interface TestRequestOptions {
  familyName?: string;
  givenName?: string;
  status?: "SUBMITTED" | "PROTOCOL_SENT" | "IMAGES_ARRIVING" | "IMAGES_COMPLETE" | "CANCELLED";
  modality?: "CT" | "MR";
  protocolLabel?: string;
  /** When the protocol was sent. */
  protocolAt?: Date;
  ins?: { value: string; status: "PROVISIONAL" | "RETRIEVED" | "VALIDATED" | "QUALIFIED" };
  siteAccessionNumber?: string;
}

/**
 * A télédiagnostic of the site submitted through the service, then moved to the asked status with
 * its protocol (a catalogue item) and the PROTOCOL_SENT event the workflow writes.
 */
export async function requestAtProtocol(db: Db, siteId: string, options: TestRequestOptions = {}) {
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId, displayName: `Dr Prescripteur ${tag}` })).id);
  const modality = options.modality ?? "CT";
  const { requestId } = await submitRequest({
    db,
    actor: referrer,
    input: teleDiagnosticRequest({
      modality,
      patient: {
        familyName: options.familyName ?? `Patient${tag}`,
        givenName: options.givenName ?? "Louise",
        birthDate: "1950-03-02",
        sex: "FEMALE",
        sitePatientId: `IPP${tag}`,
        ...(options.ins ? { ins: options.ins.value, insStatus: options.ins.status } : {}),
      },
      ...(options.siteAccessionNumber ? { siteAccessionNumber: options.siteAccessionNumber } : {}),
    }),
  });
  const status = options.status ?? "PROTOCOL_SENT";
  if (status !== "SUBMITTED") {
    const item = await createProtocolItem(db, siteId, { label: options.protocolLabel ?? "TDM cérébrale sans injection", modality });
    await db.readingRequest.update({
      where: { id: requestId },
      data: {
        status,
        protocolItemId: item.id,
        contrastInjection: false,
      },
    });
    await db.requestEvent.create({
      data: { requestId, type: "STATUS_CHANGED", fromStatus: "INDICATION_ACCEPTED", toStatus: "PROTOCOL_SENT", actorLabel: "test", at: options.protocolAt ?? new Date() },
    });
  }
  const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true, sitePatientId: true } });
  return { requestId, tag, accessionNumber: request.accessionNumber, sitePatientId: request.sitePatientId, referrer };
}
