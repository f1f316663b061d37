import "server-only";
import type { Actor } from "@/lib/domain/access";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";

/**
 * One audit row per FHIR read or search that returned patient data, naming every resource id
 * returned (an empty search is recorded too: what was looked for is itself sensitive). Written
 * before the answer leaves: a read that cannot be recorded is not served.
 */
export async function auditFhirRead(
  db: Db,
  actor: Actor,
  input: { interaction: "read" | "search"; resourceType: string; ids: string[]; requestIds: string[]; query?: string; siteId?: string | null },
): Promise<void> {
  await writeAudit(db, {
    actorId: actor.id,
    action: "FHIR_READ",
    entityType: "ReadingRequest",
    entityId: input.interaction === "read" && input.requestIds.length === 1 ? input.requestIds[0] : null,
    siteId: input.siteId ?? null,
    detail: {
      interaction: input.interaction,
      resourceType: input.resourceType,
      ids: input.ids.slice(0, 200),
      requestIds: [...new Set(input.requestIds)].slice(0, 200),
      ...(input.query ? { query: input.query.slice(0, 500) } : {}),
    },
  });
}
