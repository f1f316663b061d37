import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { checkMoveDestination, type CreateMoveDestination } from "@/lib/domain/network/move-destination";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { destinationInputError, isAeTitleTaken } from "./destination-input-error";

/**
 * Registers a C-MOVE destination for a site, audited. The site's PACS may name it (by AE title)
 * in its next C-MOVE; no other site's can.
 */
export async function createMoveDestination(args: { db: Db; actor: Actor; input: CreateMoveDestination }): Promise<{ id: string }> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages C-MOVE destinations");
  const check = checkMoveDestination(input);
  if (!check.ok) throw destinationInputError(check.problems);
  const site = await db.site.findUnique({ where: { id: input.siteId }, select: { id: true } });
  if (!site) throw new AppError("NOT_FOUND", "Site not found");
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.dicomMoveDestination.create({ data: { siteId: site.id, ...check.value }, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "DICOM_MOVE_DESTINATION_CHANGED",
        entityType: "DicomMoveDestination",
        entityId: created.id,
        siteId: site.id,
        detail: { before: null, after: { ...check.value, active: true } },
      });
      return created;
    });
  } catch (error) {
    if (isAeTitleTaken(error)) throw destinationInputError([{ field: "aeTitle", code: "AE_TAKEN" }]);
    throw error;
  }
}
