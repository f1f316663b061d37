import type { PatientInformers } from "@/lib/domain/workflow/patient-information-ask";
import type { ReportVersionKind, TemplatePurpose } from "@/lib/domain/enums";
import type { ReportValues, TemplateDefinition } from "@/lib/domain/reports/template-definition";

// What the report panel and the referrer's pages receive. Shared by the reporting services
// (reports.forRequest), the delivery services and the PDF.

export interface TemplateSummary {
  id: string;
  code: string;
  version: number;
  title: string;
  purpose: TemplatePurpose;
}

/** A signed version: final, fingerprinted, delivered to the requester. */
export interface SignedReportVersionDto {
  id: string;
  sequence: number;
  kind: ReportVersionKind;
  template: TemplateSummary;
  /** The template's title worded for the act performed ("avec injection" for an injected act). */
  examTitle: string;
  /** As signed; the page shows it through reportDocumentText (conclusion once, statement last). */
  narrative: string;
  conclusion: string;
  signer: { id: string; name: string };
  signedAt: Date;
  fingerprint: string;
  previousFingerprint: string | null;
  delivery: {
    recipient: { id: string; name: string };
    deliveredAt: Date;
    firstOpenedAt: Date | null;
    acknowledgedAt: Date | null;
    acknowledgedBy: { id: string; name: string } | null;
  } | null;
}

/** The draft being written (original or addendum), for its holder only. */
export interface ReportDraftDto {
  id: string;
  sequence: number;
  kind: ReportVersionKind;
  template: TemplateSummary;
  /** The template's definition with the regulatory block when the act uses ionising radiation. */
  definition: TemplateDefinition;
  values: ReportValues;
  draftVersion: number;
  updatedAt: Date;
  updatedBy: { id: string; name: string };
}

export interface ReportPanelDto {
  requestId: string;
  /** What this actor may do now, computed by the server. */
  can: {
    startReading: boolean;
    edit: boolean;
    sign: boolean;
    startAddendum: boolean;
    acknowledge: boolean;
  };
  /** Why reading cannot start yet (patient not informed), when that is the reason. */
  readingBlocker: string | null;
  /** With the patient-information blocker: who can lift it (the holder asks them in the thread). */
  informers: PatientInformers | null;
  draft: ReportDraftDto | null;
  /** Signed versions, oldest first (original, then addenda). */
  signed: SignedReportVersionDto[];
  /** Templates the holder may choose from (the request's purpose). */
  templates: TemplateSummary[];
}
