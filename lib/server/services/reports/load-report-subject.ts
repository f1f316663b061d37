import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

export const reportSubjectSelect = {
  id: true,
  type: true,
  status: true,
  siteId: true,
  holderId: true,
  requesterId: true,
  patientInformedAt: true,
  modality: true,
  bodyRegion: true,
  clinicalQuestion: true,
  expertQuestion: true,
  proposedExam: true,
  protocolText: true,
  contrastInjection: true,
  protocolItem: { select: { label: true } },
  site: { select: { name: true, patientInformationPolicy: true } },
} satisfies Prisma.ReadingRequestSelect;

export type ReportSubject = Prisma.ReadingRequestGetPayload<{ select: typeof reportSubjectSelect }>;

/** The request a report act is about, in the actor's scope (outside it, it does not exist). */
export async function loadReportSubject(tx: Tx | Db, actor: Actor, requestId: string): Promise<ReportSubject> {
  const request = await tx.readingRequest.findFirst({ where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] }, select: reportSubjectSelect });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  return request;
}

/** Writing and signing are the holder's: anyone else is told to take the request first. */
export function assertHolder(actor: Actor, request: { holderId: string | null }): void {
  if (actor.role !== "RADIOLOGIST") throw new AppError("FORBIDDEN", "Only radiologists write reports");
  if (request.holderId !== actor.id) throw new AppError("NOT_HOLDER", "Take the request before writing its report");
}
