// The signed report of a past demo request, as sign-report.ts and deliver-signed-version.ts
// would have written it: a complete version of a starter template (every required field
// filled, the regulatory block for an ionising act), its narrative, its chained fingerprint,
// and the delivery to the requester with when they opened and acknowledged it. Without it the
// history showed requests acknowledged by the referrer that had never been signed.
import type { Modality, RequestType } from "../lib/domain/enums";
import { effectiveDefinition } from "../lib/domain/reports/effective-definition";
import { buildNarrative } from "../lib/domain/reports/narrative";
import { teleradiologyStatement } from "../lib/domain/reports/regulatory-block";
import { reportFingerprint } from "../lib/domain/reports/report-fingerprint";
import { templateDefinitionSchema, type ReportValues, type TemplateDefinition, type TemplateField } from "../lib/domain/reports/template-definition";
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { ensureStarterTemplates } from "../lib/server/services/reports/ensure-starter-templates";

type Tx = Prisma.TransactionClient;

const TEMPLATE_CODE: Record<RequestType, string> = { TELEDIAGNOSTIC: "free-form", TELEEXPERTISE: "teleexpertise-opinion" };

/** The starter template a past request was reported with (installed if the database has none yet). */
export async function demoTemplate(db: PrismaClient, type: RequestType): Promise<{ id: string; definition: TemplateDefinition }> {
  const find = () => db.reportTemplate.findFirst({ where: { code: TEMPLATE_CODE[type] }, orderBy: { version: "asc" }, select: { id: true, definition: true } });
  const template = (await find()) ?? (await ensureStarterTemplates(db), await find());
  if (!template) throw new Error(`starter template ${TEMPLATE_CODE[type]} missing`);
  return { id: template.id, definition: templateDefinitionSchema.parse(template.definition) };
}

function demoValue(field: TemplateField, conclusionFieldId: string): ReportValues[string] {
  switch (field.kind) {
    case "text":
      return field.id === conclusionFieldId ? "Pas d'anomalie aiguë décelée." : "Activité passée (historique de démonstration).";
    case "choice":
      return field.options[0] ?? null;
    case "number":
      return field.min ?? 0;
    case "score":
      return field.max;
    case "yesno":
      return false;
  }
}

export async function insertDemoSignedReport(
  tx: Tx,
  args: {
    requestId: string;
    type: RequestType;
    modality: Modality;
    siteName: string;
    template: { id: string; definition: TemplateDefinition };
    signer: { id: string; name: string };
    requesterId: string;
    signedAt: Date;
    acknowledgedAt: Date | null;
  },
): Promise<void> {
  const definition = effectiveDefinition(args.template.definition, { requestType: args.type, modality: args.modality, kind: "ORIGINAL" });
  const values: ReportValues = {};
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    if (field.required) values[field.id] = demoValue(field, definition.conclusionFieldId);
  }
  const body = buildNarrative(definition, values);
  const narrative = [body.narrative, teleradiologyStatement({ signerName: args.signer.name, siteName: args.siteName })].filter(Boolean).join("\n\n");
  const content = {
    requestId: args.requestId,
    sequence: 0,
    kind: "ORIGINAL" as const,
    templateId: args.template.id,
    values,
    narrative,
    conclusion: body.conclusion,
    signerId: args.signer.id,
    signerName: args.signer.name,
    signedAt: args.signedAt,
    previousFingerprint: null,
  };
  const version = await tx.reportVersion.create({
    data: {
      requestId: args.requestId,
      sequence: 0,
      kind: "ORIGINAL",
      templateId: args.template.id,
      values,
      createdById: args.signer.id,
      updatedById: args.signer.id,
      createdAt: args.signedAt,
      updatedAt: args.signedAt,
      narrative,
      conclusion: body.conclusion,
      signedById: args.signer.id,
      signerName: args.signer.name,
      signedAt: args.signedAt,
      fingerprint: reportFingerprint(content),
      previousFingerprint: null,
    },
    select: { id: true },
  });
  await tx.reportDelivery.create({
    data: {
      reportVersionId: version.id,
      requestId: args.requestId,
      recipientId: args.requesterId,
      deliveredAt: args.signedAt,
      // Acknowledging is done from the opened report: opened first, acknowledged at once.
      ...(args.acknowledgedAt ? { firstOpenedAt: args.acknowledgedAt, acknowledgedAt: args.acknowledgedAt, acknowledgedById: args.requesterId } : {}),
    },
  });
}
