import "server-only";
import type { Actor } from "@/lib/domain/access";
import { contrastFindings, type ContrastFinding } from "@/lib/domain/contrast-safety";
import type { PatientInformationPolicy, Subspecialty } from "@/lib/domain/enums";
import { availableActs, type WorkflowAct } from "@/lib/domain/workflow/workflow-permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

// The workflow part of a request's detail: justification, protocol, patient information and
// the acts this actor may perform now (the page offers exactly those).
export const requestWorkflowSelect = {
  type: true,
  status: true,
  siteId: true,
  holderId: true,
  requiredSubspecialty: true,
  proposedExam: true,
  protocolText: true,
  contrastInjection: true,
  contrastOverrideReason: true,
  protocolItem: { select: { code: true, label: true } },
  patientInformedAt: true,
  patientInformedBy: { select: { displayName: true } },
  renalFunction: true,
  egfr: true,
  contrastAllergy: true,
  pregnancy: true,
  metformin: true,
  site: { select: { id: true, code: true, name: true, patientInformationPolicy: true } },
} satisfies Prisma.ReadingRequestSelect;

type Record_ = Prisma.ReadingRequestGetPayload<{ select: typeof requestWorkflowSelect }>;

export interface RequestWorkflow {
  requiredSubspecialty: Subspecialty | null;
  proposedExam: string | null;
  protocol: { code: string | null; label: string | null; text: string | null; contrast: boolean; overrideReason: string | null } | null;
  patientInformation: { policy: PatientInformationPolicy; informedAt: Date | null; informedBy: string | null } | null;
  /** What the contrast safety check finds in the request's items (télédiagnostic only). */
  contrastFindings: ContrastFinding[];
  availableActs: WorkflowAct[];
}

export function toRequestWorkflow(record: Record_, actor: Actor): RequestWorkflow {
  const teleDiagnostic = record.type === "TELEDIAGNOSTIC";
  return {
    requiredSubspecialty: record.requiredSubspecialty,
    proposedExam: record.proposedExam,
    protocol:
      record.contrastInjection === null
        ? null
        : {
            code: record.protocolItem?.code ?? null,
            label: record.protocolItem?.label ?? null,
            text: record.protocolText,
            contrast: record.contrastInjection,
            overrideReason: record.contrastOverrideReason,
          },
    patientInformation: teleDiagnostic
      ? { policy: record.site.patientInformationPolicy, informedAt: record.patientInformedAt, informedBy: record.patientInformedBy?.displayName ?? null }
      : null,
    contrastFindings: teleDiagnostic ? contrastFindings(record) : [],
    availableActs: availableActs(actor, {
      type: record.type,
      status: record.status,
      siteId: record.siteId,
      holderId: record.holderId,
      patientInformedAt: record.patientInformedAt,
    }),
  };
}
