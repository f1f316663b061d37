import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// The columns a worklist row needs, and its DTO. Shared by the list and the detail view.
export const worklistRowSelect = {
  id: true,
  type: true,
  priority: true,
  status: true,
  submittedAt: true,
  modality: true,
  bodyRegion: true,
  patientFamilyName: true,
  patientGivenName: true,
  patientBirthDate: true,
  patientSex: true,
  site: { select: { id: true, code: true, name: true } },
  holder: { select: { id: true, displayName: true } },
} satisfies Prisma.ReadingRequestSelect;

type WorklistRowRecord = Prisma.ReadingRequestGetPayload<{ select: typeof worklistRowSelect }>;

export interface WorklistRow {
  id: string;
  type: WorklistRowRecord["type"];
  priority: WorklistRowRecord["priority"];
  status: WorklistRowRecord["status"];
  submittedAt: Date;
  modality: WorklistRowRecord["modality"];
  bodyRegion: string;
  patient: { familyName: string; givenName: string; birthDate: string; sex: WorklistRowRecord["patientSex"] };
  site: { id: string; code: string; name: string };
  holder: { id: string; name: string } | null;
}

export function toWorklistRow(record: WorklistRowRecord): WorklistRow {
  return {
    id: record.id,
    type: record.type,
    priority: record.priority,
    status: record.status,
    submittedAt: record.submittedAt,
    modality: record.modality,
    bodyRegion: record.bodyRegion,
    patient: {
      familyName: record.patientFamilyName,
      givenName: record.patientGivenName,
      birthDate: record.patientBirthDate.toISOString().slice(0, 10),
      sex: record.patientSex,
    },
    site: record.site,
    holder: record.holder ? { id: record.holder.id, name: record.holder.displayName } : null,
  };
}
