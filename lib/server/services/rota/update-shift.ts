import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditRota } from "@/lib/domain/rota/rota-access";
import type { UpdateShift } from "@/lib/domain/rota/rota-schemas";
import { wallClockToInstant } from "@/lib/domain/rota/wall-clock";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { scheduleShiftJobs } from "./schedule-shift-jobs";
import { shiftSelect, toShiftDto, type ShiftDto } from "./shift-dto";
import { checkShiftReferences } from "./shift-references";

/** Edits one shift (its series' other shifts stay as they are). A new end schedules a new handover. */
export async function updateShift(args: { db: Db; actor: Actor; input: UpdateShift }): Promise<ShiftDto> {
  const { db, actor, input } = args;
  if (!canEditRota(actor)) throw new AppError("FORBIDDEN", "Only the department head or an administrator edits the rota");
  const startsAt = wallClockToInstant(input.start);
  const endsAt = wallClockToInstant(input.end);
  if (endsAt <= startsAt) throw new AppError("BAD_INPUT", "A shift ends after it starts", { field: "end" });

  return db.$transaction(async (tx) => {
    const before = await tx.shift.findUnique({ where: { id: input.shiftId }, select: shiftSelect });
    if (!before) throw new AppError("NOT_FOUND", "Shift not found");
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
    await scheduleShiftJobs(tx, after);
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
