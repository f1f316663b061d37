import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditRota } from "@/lib/domain/rota/rota-access";
import type { DeleteShift } from "@/lib/domain/rota/rota-schemas";
import { toAuditRow } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { scheduleOffCallIfRunning } from "./schedule-shift-jobs";
import { shiftSelect, toShiftDto } from "./shift-dto";

/**
 * Deletes a shift (and, if asked, the later shifts of its series). The rota is not the legal
 * trace, so rows go; what they said stays in the audit rows. Their pending boundary jobs find
 * no shift and do nothing; a shift running now hands its radiologist's requests over.
 */
export async function deleteShift(args: { db: Db; actor: Actor; input: DeleteShift }): Promise<{ deletedIds: string[] }> {
  const { db, actor, input } = args;
  if (!canEditRota(actor)) throw new AppError("FORBIDDEN", "Only the department head or an administrator edits the rota");

  return db.$transaction(async (tx) => {
    const shift = await tx.shift.findUnique({ where: { id: input.shiftId }, select: { id: true, seriesId: true, startsAt: true } });
    if (!shift) throw new AppError("NOT_FOUND", "Shift not found");
    const where =
      input.withFollowing && shift.seriesId ? { seriesId: shift.seriesId, startsAt: { gte: shift.startsAt } } : { id: shift.id };
    const rows = (await tx.shift.findMany({ where, select: shiftSelect })).map(toShiftDto);
    await tx.shift.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    const now = new Date();
    for (const row of rows) await scheduleOffCallIfRunning(tx, { ...row, siteIds: row.sites.map((site) => site.id) }, now);
    await tx.auditLog.createMany({
      data: rows.map((row) =>
        toAuditRow({
          actorId: actor.id,
          action: "SHIFT_DELETED",
          entityType: "Shift",
          entityId: row.id,
          detail: {
            radiologistId: row.radiologistId,
            startsAt: row.startsAt.toISOString(),
            endsAt: row.endsAt.toISOString(),
            role: row.role,
            siteIds: row.sites.map((site) => site.id),
            seriesId: row.seriesId,
          },
        }),
      ),
    });
    return { deletedIds: rows.map((row) => row.id) };
  });
}
