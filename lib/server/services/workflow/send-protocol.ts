import "server-only";
import type { Actor } from "@/lib/domain/access";
import { checkContrastDecision } from "@/lib/domain/contrast-safety";
import { AppError } from "@/lib/domain/errors";
import type { SendProtocolInput } from "@/lib/domain/workflow/workflow-schemas";
import type { Db, Tx } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { queueDecisionMessageInTx } from "../hl7-outbound/queue-decision-message";
import { loadSubjectFor } from "./load-workflow-subject";
import { transitionInTx } from "./transition-in-tx";

/**
 * The radiologist sets the protocol (from the site's catalogue or written) with the contrast
 * decision, checked against the request's safety items: a contraindicated injection needs a
 * written reason. The radiographer at the site receives it as the prescription.
 */
export async function sendProtocol(args: { db: Db; actor: Actor; input: SendProtocolInput }) {
  const { db, actor, input } = args;
  const status = await runUseCase(db, async (tx, effects) => {
    const request = await loadSubjectFor(tx, actor, input.requestId, "SEND_PROTOCOL");
    const item = input.protocolItemId ? await catalogueItem(tx, input.protocolItemId, request.siteId) : null;

    const safety = await tx.readingRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: { renalFunction: true, egfr: true, contrastAllergy: true, pregnancy: true, metformin: true },
    });
    const check = checkContrastDecision(safety, input.contrast, input.contrastOverrideReason ?? null);
    if (!check.ok) {
      throw new AppError("CONTRAST_CONTRAINDICATED", "Contrast is contraindicated by the safety items", {
        contraindications: check.contraindications.join(","),
      });
    }
    const overrideReason = check.findings.some((finding) => finding.severity === "contraindication") ? (input.contrastOverrideReason ?? null) : null;

    const summary = [item?.label, input.protocolText].filter(Boolean).join(" — ");
    const status = await transitionInTx(tx, {
      request,
      actor,
      action: "SEND_PROTOCOL",
      reason: summary,
      data: {
        protocolItemId: item?.id ?? null,
        protocolText: input.protocolText ?? null,
        contrastInjection: input.contrast,
        contrastOverrideReason: overrideReason,
      },
    });
    // A request ordered by the site's RIS: the acceptance with this protocol goes back to it (ORU^R01, OK).
    const queued = await queueDecisionMessageInTx(tx, { requestId: request.id, action: "SEND_PROTOCOL", actor, reason: summary });
    effects.requestChanged(input.requestId, request.siteId);
    if (queued) effects.wakeJobs();
    return status;
  });
  return { requestId: input.requestId, status };
}

/** A catalogue item of the request's own site; another site's item answers like a missing one. */
async function catalogueItem(tx: Tx, id: string, siteId: string) {
  const item = await tx.protocolCatalogueItem.findFirst({ where: { id, siteId, active: true }, select: { id: true, label: true } });
  if (!item) throw new AppError("BAD_INPUT", "Unknown protocol for this site", { field: "protocolItemId" });
  return item;
}
