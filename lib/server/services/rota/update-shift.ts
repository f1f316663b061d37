import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditRota } from "@/lib/domain/rota/rota-access";
import type { UpdateShift } from "@/lib/domain/rota/rota-schemas";
import { wallClockToInstant } from "@/lib/domain/rota/wall-clock";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { scheduleOffCallIfRunning, scheduleShiftJobs } from "./schedule-shift-jobs";
import { shiftSelect, toShiftDto, type ShiftDto } from "./shift-dto";
import { checkShiftReferences } from "./shift-references";

/** Edits one shift (its series' other shifts stay as they are). A new end schedules a new handover. */
export async function updateShift(args: { db: Db; actor: Actor; input: UpdateShift }): Promise<ShiftDto> {
  const { db, actor, input } = args;
  if (!canEditRota(actor)) throw new AppError("FORBIDDEN", "Only the department head or an administrator edits the rota");
  const startsAt = wallClockToInstant(input.start);
  const endsAt = wallClockToInstant(input.end);
  if (endsAt <= startsAt) throw new AppError("BAD_INPUT", "A shift ends after it starts", { field: "end" });

  const now = new Date();
  return db.$transaction(async (tx) => {
    // The row lock serialises concurrent edits (and an edit racing a delete) of this shift.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Shift" WHERE "id" = ${input.shiftId}::uuid FOR UPDATE`;
    const before = locked.length > 0 ? await tx.shift.findUnique({ where: { id: input.shiftId }, select: shiftSelect }) : null;
    if (!before) throw new AppError("NOT_FOUND", "Shift not found");
    const previous = toShiftDto(before);
    await scheduleOffCallIfRunning(tx, { ...previous, siteIds: previous.sites.map((site) => site.id) }, now);
    await checkShiftReferences(tx, input.radiologistId, input.siteIds);
    await tx.shiftSite.deleteMany({ where: { shiftId: input.shiftId } });
    const after = await tx.shift.update({
      where: { id: input.shiftId },
      data: {
        radiologistId: input.radiologistId,
        startsAt,
        endsAt,
        role: input.role,
        subspecialties: input.subspecialties,
        sites: { createMany: { data: input.siteIds.map((siteId) => ({ siteId })) } },
      },
      select: shiftSelect,
    });
    await scheduleShiftJobs(tx, after, now);
    const summary = (dto: ShiftDto) => ({
      radiologistId: dto.radiologistId,
      startsAt: dto.startsAt.toISOString(),
      endsAt: dto.endsAt.toISOString(),
      role: dto.role,
      siteIds: dto.sites.map((site) => site.id),
      subspecialties: dto.subspecialties,
    });
    const dto = toShiftDto(after);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "SHIFT_UPDATED",
      entityType: "Shift",
      entityId: input.shiftId,
      detail: { before: summary(toShiftDto(before)), after: summary(dto) },
    });
    return dto;
  });
}
