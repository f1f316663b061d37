import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { expandRecurrence, storedPattern, TooManyOccurrencesError } from "@/lib/domain/rota/expand-recurrence";
import { canEditRota } from "@/lib/domain/rota/rota-access";
import type { CreateShift } from "@/lib/domain/rota/rota-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toAuditRow } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { scheduleShiftJobs } from "./schedule-shift-jobs";
import { checkShiftReferences } from "./shift-references";

export interface CreatedShifts {
  seriesId: string | null;
  shiftIds: string[];
}

/**
 * Saves a shift, or a recurring pattern expanded into its shifts (one series). Each shift gets
 * its end-of-shift job and its audit row in the same transaction: all of them or none.
 */
export async function createShift(args: { db: Db; actor: Actor; input: CreateShift }): Promise<CreatedShifts> {
  const { db, actor, input } = args;
  if (!canEditRota(actor)) throw new AppError("FORBIDDEN", "Only the department head or an administrator edits the rota");

  let occurrences;
  try {
    occurrences = expandRecurrence({ start: input.start, end: input.end }, input.recurrence);
  } catch (error) {
    if (error instanceof TooManyOccurrencesError || error instanceof RangeError) throw new AppError("BAD_INPUT", error.message, { field: "recurrence" });
    throw error;
  }
  if (occurrences.length === 0) throw new AppError("BAD_INPUT", "The pattern makes no shift", { field: "recurrence" });

  const now = new Date();
  return db.$transaction(
    async (tx) => {
      await checkShiftReferences(tx, input.radiologistId, input.siteIds);
      const seriesId = input.recurrence ? randomUUID() : null;
      if (input.recurrence && seriesId) {
        const pattern = storedPattern({ start: input.start, end: input.end }, input.recurrence);
        await tx.shiftSeries.create({ data: { id: seriesId, pattern: pattern as unknown as Prisma.InputJsonValue } });
      }
      const shifts = occurrences.map((occurrence) => ({ id: randomUUID(), ...occurrence }));
      await tx.shift.createMany({
        data: shifts.map((shift) => ({
          id: shift.id,
          radiologistId: input.radiologistId,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          role: input.role,
          subspecialties: input.subspecialties,
          seriesId,
        })),
      });
      await tx.shiftSite.createMany({ data: shifts.flatMap((shift) => input.siteIds.map((siteId) => ({ shiftId: shift.id, siteId }))) });
      for (const shift of shifts) await scheduleShiftJobs(tx, shift, now);
      await tx.auditLog.createMany({
        data: shifts.map((shift) =>
          toAuditRow({
            actorId: actor.id,
            action: "SHIFT_CREATED",
            entityType: "Shift",
            entityId: shift.id,
            detail: {
              radiologistId: input.radiologistId,
              startsAt: shift.startsAt.toISOString(),
              endsAt: shift.endsAt.toISOString(),
              role: input.role,
              siteIds: input.siteIds,
              subspecialties: input.subspecialties,
              seriesId,
            },
          }),
        ),
      });
      return { seriesId, shiftIds: shifts.map((shift) => shift.id) };
    },
    { timeout: 30_000 },
  );
}
