import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { SendMeasurementInput } from "@/lib/domain/reports/report-measurement-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { assertHolder, loadReportSubject } from "../reports/load-report-subject";

/**
 * "Envoyer au compte rendu" from the viewer. Stored per request and reader, so that every
 * editor of this request the reader has open (another window, another monitor) lists it; the
 * viewer says "sent" only once this has committed. Sending the same annotation again replaces
 * its line. Only the holder, as for the draft: anyone else's request does not exist here.
 */
export async function sendMeasurementToReport(args: { db: Db; actor: Actor; input: SendMeasurementInput }): Promise<{ id: string; sentAt: Date }> {
  const { db, actor, input } = args;
  const { measurement } = input;
  return runUseCase(db, async (tx, effects) => {
    const request = await loadReportSubject(tx, actor, input.requestId);
    assertHolder(actor, request);
    const data = { kind: measurement.kind, text: input.text, values: measurement.values as Prisma.InputJsonValue, imageId: measurement.imageId, sentAt: new Date() };
    const row = await tx.reportMeasurement.upsert({
      where: { requestId_readerId_annotationUid: { requestId: request.id, readerId: actor.id, annotationUid: measurement.id } },
      create: { requestId: request.id, readerId: actor.id, annotationUid: measurement.id, ...data },
      update: data,
      select: { id: true, sentAt: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "REPORT_MEASUREMENT_SENT", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId, detail: { measurement: row.id, kind: measurement.kind } });
    // After commit, ids only: the reader's editors refetch through tRPC.
    effects.measurementsChanged(actor.id, input.requestId);
    return row;
  });
}
