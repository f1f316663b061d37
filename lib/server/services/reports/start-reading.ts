import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { readingBlocker } from "@/lib/domain/workflow/reading-readiness";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { transitionInTx } from "../workflow/transition-in-tx";
import { prefillDraft } from "./draft-prefill";
import { assertHolder, loadReportSubject } from "./load-report-subject";
import { assertChoosableTemplate, loadDraftTemplate, suggestTemplateId } from "./template-for-draft";

/**
 * The holder starts reading: the request moves to IN_READING (télédiagnostic once its images
 * are complete and, under the site's policy, the patient informed; téléexpertise at once) and
 * the report's draft is created from the chosen template, prefilled from the request and images.
 */
export async function startReading(args: { db: Db; actor: Actor; requestId: string; templateId?: string | undefined }) {
  const { db, actor } = args;
  const draftId = await runUseCase(db, async (tx, effects) => {
    const request = await loadReportSubject(tx, actor, args.requestId);
    assertHolder(actor, request);
    const blocker = readingBlocker({ type: request.type, policy: request.site.patientInformationPolicy, patientInformedAt: request.patientInformedAt });
    if (blocker) throw new AppError(blocker, "The patient has not been informed of the remote act yet");
    const now = new Date();
    await transitionInTx(tx, { request, actor, action: "START_READING", reason: null, data: { readingStartedAt: now } });

    if (args.templateId) await assertChoosableTemplate(tx, request.type, args.templateId);
    const templateId = args.templateId ?? (await suggestTemplateId(tx, request.type, request.modality, request.bodyRegion, request.contrastInjection));
    const template = await loadDraftTemplate(tx, templateId, { requestType: request.type, modality: request.modality, kind: "ORIGINAL", contrastInjection: request.contrastInjection });
    const values = await prefillDraft(tx, request, template.definition);
    const draft = await tx.reportVersion.create({
      data: { requestId: request.id, sequence: 0, kind: "ORIGINAL", templateId, values: values as Prisma.InputJsonValue, createdById: actor.id, updatedById: actor.id, createdAt: now, updatedAt: now },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "REPORT_DRAFT_CREATED", entityType: "ReportVersion", entityId: draft.id, siteId: request.siteId, detail: { requestId: request.id, template: `${template.code}@${template.version}` } });
    effects.requestChanged(args.requestId, request.siteId);
    return draft.id;
  });
  return { requestId: args.requestId, draftId };
}
