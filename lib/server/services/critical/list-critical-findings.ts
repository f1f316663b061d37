import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canAcknowledgeCritical, canFlagCritical, canSeeCriticalFindings } from "@/lib/domain/reports/critical-findings";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";
import { criticalFindingSelect, toCriticalFindingDto, type CriticalContactDto, type CriticalFindingsDto } from "./critical-dto";

/**
 * A request's critical findings, oldest first, each with its communications. Outside the
 * actor's scope the request does not exist; radiographers and administrators, who do not read
 * reports, do not read findings either. Findings are clinical content, so the read is audited;
 * the panel refetches on every change of the request, hence the buffered audit.
 */
export async function listCriticalFindings(args: { db: Db; actor: Actor; requestId: string }): Promise<CriticalFindingsDto> {
  const { db, actor, requestId } = args;
  // By role, before any lookup: the answer says nothing of whether the request exists.
  if (!canSeeCriticalFindings(actor)) throw new AppError("FORBIDDEN", "Critical findings are for the physicians taking part in the request");
  const request = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: {
      id: true,
      siteId: true,
      status: true,
      holderId: true,
      requesterId: true,
      site: { select: { criticalAckMinutes: true } },
      findings: { orderBy: [{ flaggedAt: "asc" }, { id: "asc" }], select: criticalFindingSelect },
    },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");

  bufferReadAudit(db, {
    actorId: actor.id,
    action: "CRITICAL_FINDINGS_READ",
    entityType: "ReadingRequest",
    entityId: request.id,
    siteId: request.siteId,
    detail: { count: request.findings.length },
  });

  const findings = request.findings.map((row) => toCriticalFindingDto(row, actor, request));
  const communicate = actor.role === "RADIOLOGIST" && (request.holderId === actor.id || findings.some((finding) => finding.can.communicate));
  return {
    requestId: request.id,
    ackMinutes: request.site.criticalAckMinutes,
    can: { flag: canFlagCritical(actor, request), communicate, acknowledge: canAcknowledgeCritical(actor, request) },
    findings,
    contacts: communicate ? await siteContacts(db, request.siteId, request.requesterId) : [],
  };
}

/** The site's active referring physicians, the requester first. Names only: staff, not patients. */
async function siteContacts(db: Db, siteId: string, requesterId: string): Promise<CriticalContactDto[]> {
  const users = await db.user.findMany({
    where: { siteId, role: "REFERRER", active: true },
    select: { id: true, displayName: true, role: true },
    orderBy: { displayName: "asc" },
  });
  return users
    .map((user) => ({ id: user.id, name: user.displayName, role: user.role, isRequester: user.id === requesterId }))
    .sort((a, b) => Number(b.isRequester) - Number(a.isRequester));
}
