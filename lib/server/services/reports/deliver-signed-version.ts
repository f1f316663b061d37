import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { ReportVersionKind } from "@/lib/domain/enums";
import type { Tx } from "../../db/client";
import type { Effects } from "../../use-cases/effects";
import { notifyInTx } from "../notifications/notify";
import { transitionInTx } from "../workflow/transition-in-tx";
import type { ReportSubject } from "./load-report-subject";

/**
 * A signed version goes to the requester at once, in the signing transaction: the original
 * moves the request SIGNED then DELIVERED; an addendum leaves the status and is an event.
 * Either way a delivery row (opened, acknowledged later) and a notification are written; the
 * notification's hint is registered for after commit.
 */
export async function deliverSignedVersionInTx(
  tx: Tx,
  effects: Effects,
  args: { request: ReportSubject; actor: Actor; version: { id: string; kind: ReportVersionKind; sequence: number }; at: Date },
): Promise<void> {
  const { request, actor, version, at } = args;
  if (version.kind === "ORIGINAL") {
    const signed = await transitionInTx(tx, { request, actor, action: "SIGN", reason: null });
    await transitionInTx(tx, { request: { ...request, status: signed }, actor, action: "DELIVER", reason: null });
  } else {
    await tx.requestEvent.create({ data: { requestId: request.id, actorId: actor.id, type: "ADDENDUM_SIGNED", reason: `Addendum n° ${version.sequence}`, at } });
  }
  await tx.reportDelivery.create({ data: { reportVersionId: version.id, requestId: request.id, recipientId: request.requesterId, deliveredAt: at } });
  await notifyInTx(tx, effects, [
    {
      userId: request.requesterId,
      kind: version.kind === "ORIGINAL" ? "REPORT_DELIVERED" : "ADDENDUM_DELIVERED",
      requestId: request.id,
      detail: { from: actor.displayName, sequence: version.sequence },
    },
  ]);
}
