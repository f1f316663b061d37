import "server-only";
import { performedExamTitle, wasInjected } from "@/lib/domain/reports/report-document";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "../../db/client";
import type { SignedReportVersionDto } from "../reports/report-dto";

// The one place where signed report rows become DTOs: the report panel, the referrer's pages
// and the PDF all show the same signer, fingerprint and delivery state.

const person = { select: { id: true, displayName: true } } as const;

export const signedVersionSelect = {
  id: true,
  sequence: true,
  kind: true,
  template: { select: { id: true, code: true, version: true, title: true, purpose: true } },
  narrative: true,
  conclusion: true,
  // Whether the act was injected (the contrast agent recorded, else the protocol) words the exam's title.
  values: true,
  request: { select: { contrastInjection: true } },
  signedById: true,
  signerName: true,
  signedAt: true,
  fingerprint: true,
  previousFingerprint: true,
  delivery: {
    select: { recipient: person, deliveredAt: true, firstOpenedAt: true, acknowledgedAt: true, acknowledgedBy: person },
  },
} satisfies Prisma.ReportVersionSelect;

type SignedVersionRecord = Prisma.ReportVersionGetPayload<{ select: typeof signedVersionSelect }>;

/** The request's signed versions, oldest first: the original, then its addenda. */
export async function loadSignedVersions(tx: Tx | Db, requestId: string): Promise<SignedReportVersionDto[]> {
  const rows = await tx.reportVersion.findMany({
    where: { requestId, signedAt: { not: null } },
    orderBy: { sequence: "asc" },
    select: signedVersionSelect,
  });
  return rows.map(toSignedReportVersionDto);
}

export function toSignedReportVersionDto(row: SignedVersionRecord): SignedReportVersionDto {
  // Signing sets these columns together (and the database then freezes the row): a signed row
  // without them is corrupt, and showing it as a valid report would be worse than failing.
  if (row.signedAt === null || row.signedById === null || row.fingerprint === null) {
    throw new Error(`Signed report version ${row.id} lacks its signature columns`);
  }
  const delivery = row.delivery;
  return {
    id: row.id,
    sequence: row.sequence,
    kind: row.kind,
    template: row.template,
    examTitle: performedExamTitle(row.template.title, wasInjected(row.values, row.request.contrastInjection)),
    narrative: row.narrative ?? "",
    conclusion: row.conclusion ?? "",
    // The name as it was at signing (stored on the row and covered by the fingerprint).
    signer: { id: row.signedById, name: row.signerName ?? "" },
    signedAt: row.signedAt,
    fingerprint: row.fingerprint,
    previousFingerprint: row.previousFingerprint,
    delivery: delivery
      ? {
          recipient: { id: delivery.recipient.id, name: delivery.recipient.displayName },
          deliveredAt: delivery.deliveredAt,
          firstOpenedAt: delivery.firstOpenedAt,
          acknowledgedAt: delivery.acknowledgedAt,
          acknowledgedBy: delivery.acknowledgedBy ? { id: delivery.acknowledgedBy.id, name: delivery.acknowledgedBy.displayName } : null,
        }
      : null,
  };
}
