import "server-only";
import type { AuditRowContent, AuditSealLink } from "@/lib/domain/audit-chain";
import type { Db, Tx } from "../db/client";

// The chain's two reads, shared by the sealer and the verifier so that both hash exactly the
// same text of each column (PostgreSQL's own, not a driver's conversion of it).

/** AuditLog rows with from <= id < to (to null: no upper bound), in id order. */
export function readAuditRows(db: Db | Tx, from: bigint, to: bigint | null, limit: number): Promise<AuditRowContent[]> {
  return db.$queryRaw<AuditRowContent[]>`
    SELECT "id", "actorId"::text AS "actorId", "action", "entityType", "entityId", "siteId"::text AS "siteId",
           "detail"::text AS "detail", to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
      FROM "AuditLog"
     WHERE "id" >= ${from} AND (${to}::bigint IS NULL OR "id" < ${to}::bigint)
     ORDER BY "id"
     LIMIT ${limit}`;
}

/** Links with from <= auditId < to (to null: no upper bound), in id order. */
export function readAuditLinks(db: Db | Tx, from: bigint, to: bigint | null, limit: number): Promise<AuditSealLink[]> {
  return db.$queryRaw<AuditSealLink[]>`
    SELECT "auditId", "kind"::text AS "kind", "prevHash", "hash"
      FROM "AuditSeal"
     WHERE "auditId" >= ${from} AND (${to}::bigint IS NULL OR "auditId" < ${to}::bigint)
     ORDER BY "auditId"
     LIMIT ${limit}`;
}

/** The chain's last link: the highest sealed id and its hash. */
export async function readChainHead(db: Db | Tx): Promise<{ auditId: bigint; hash: string } | null> {
  const rows = await db.$queryRaw<{ auditId: bigint; hash: string }[]>`SELECT "auditId", "hash" FROM "AuditSeal" ORDER BY "auditId" DESC LIMIT 1`;
  return rows[0] ?? null;
}
