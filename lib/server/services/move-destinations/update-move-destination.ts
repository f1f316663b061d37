import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { checkMoveDestination, type UpdateMoveDestination } from "@/lib/domain/network/move-destination";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { destinationInputError, isAeTitleTaken } from "./destination-input-error";

/**
 * Edits a C-MOVE destination (label, AE title, address, port) or (de)activates it, audited with
 * the values before and after. A deactivated destination is answered as unknown (A801); rows are
 * kept, so that the audit of past retrievals still names them.
 */
export async function updateMoveDestination(args: { db: Db; actor: Actor; input: UpdateMoveDestination }): Promise<{ id: string }> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages C-MOVE destinations");
  const check = checkMoveDestination(input);
  if (!check.ok) throw destinationInputError(check.problems);
  try {
    return await db.$transaction(async (tx) => {
      // Row lock: two administrators saving at once leave one state and two audit rows in order.
      const [before] = await tx.$queryRaw<{ siteId: string; label: string; aeTitle: string; host: string; port: number; active: boolean }[]>`
        SELECT "siteId", label, "aeTitle", host, port, active FROM "DicomMoveDestination" WHERE id = ${input.id}::uuid FOR UPDATE`;
      if (!before) throw new AppError("NOT_FOUND", "C-MOVE destination not found");
      const after = { ...check.value, active: input.active };
      await tx.dicomMoveDestination.update({ where: { id: input.id }, data: after });
      const { siteId, ...previous } = before;
      await writeAudit(tx, {
        actorId: actor.id,
        action: "DICOM_MOVE_DESTINATION_CHANGED",
        entityType: "DicomMoveDestination",
        entityId: input.id,
        siteId,
        detail: { before: previous, after },
      });
      return { id: input.id };
    });
  } catch (error) {
    if (isAeTitleTaken(error)) throw destinationInputError([{ field: "aeTitle", code: "AE_TAKEN" }]);
    throw error;
  }
}
