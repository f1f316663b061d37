import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { Tx } from "../../db/client";

/**
 * A shift names an active radiologist and existing sites. A wrong id is the caller's mistake
 * (a stale form), so it is bad input, not a missing record.
 */
export async function checkShiftReferences(tx: Tx, radiologistId: string, siteIds: readonly string[]): Promise<void> {
  const radiologist = await tx.user.findFirst({ where: { id: radiologistId, role: "RADIOLOGIST", active: true }, select: { id: true } });
  if (!radiologist) throw new AppError("BAD_INPUT", "Not an active radiologist", { field: "radiologistId" });
  const found = await tx.site.count({ where: { id: { in: [...siteIds] } } });
  if (found !== siteIds.length) throw new AppError("BAD_INPUT", "Unknown site", { field: "siteIds" });
}
