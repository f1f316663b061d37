import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db/client";

export const AUDIT_ACTIONS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "REQUEST_SUBMITTED",
  "REQUEST_READ",
  "WORKLIST_READ",
  "REQUEST_CLAIMED",
  "REQUEST_RELEASED",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType: "ReadingRequest" | "Worklist" | "User";
  entityId?: string | null;
  siteId?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** Writes one audit row. Call it with the transaction that makes the change it records. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      siteId: entry.siteId ?? null,
      detail: entry.detail,
    },
  });
}
