import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";
import type { Hl7ReportVersionRef } from "./hl7-message-dto";
import { canWatchOutbound } from "./outbound-access";

/** A queued message not delivered after this long is stuck: the RIS has been unreachable for a while. */
export const STUCK_AFTER_MS = 5 * 60_000;

export interface OutboundProblemDto {
  id: string;
  requestId: string | null;
  accessionNumber: string | null;
  siteName: string;
  interfaceLabel: string;
  orderControl: string | null;
  report: Hl7ReportVersionRef | null;
  state: "QUEUED" | "SENT" | "FAILED";
  ackCode: string | null;
  errorText: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * For the operations board: outbound messages that failed, or that are still not delivered
 * some minutes after they were written. No patient identity: the accession number leads to the
 * request, where its scope applies.
 */
export async function listOutboundProblems(args: { db: Db; actor: Actor; now: Date }): Promise<OutboundProblemDto[]> {
  if (!canWatchOutbound(args.actor)) throw new AppError("FORBIDDEN", "Only a department head or an administrator watches the RIS messages");
  const stuckBefore = new Date(args.now.getTime() - STUCK_AFTER_MS);
  const rows = await args.db.hl7Message.findMany({
    where: { direction: "OUTBOUND", OR: [{ state: "FAILED" }, { state: { in: ["QUEUED", "SENT"] }, createdAt: { lt: stuckBefore } }] },
    select: {
      id: true,
      requestId: true,
      request: { select: { accessionNumber: true } },
      risInterface: { select: { label: true, site: { select: { name: true } } } },
      orderControl: true,
      reportVersion: { select: { kind: true, sequence: true } },
      state: true,
      ackCode: true,
      errorText: true,
      attempts: true,
      createdAt: true,
      updatedAt: true,
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    requestId: row.requestId,
    accessionNumber: row.request?.accessionNumber ?? null,
    siteName: row.risInterface?.site.name ?? "",
    interfaceLabel: row.risInterface?.label ?? "",
    orderControl: row.orderControl,
    report: row.reportVersion,
    state: row.state as OutboundProblemDto["state"],
    ackCode: row.ackCode,
    errorText: row.errorText,
    attempts: row.attempts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}
