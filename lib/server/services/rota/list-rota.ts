import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { analyseCoverage, type Gap, type Overlap } from "@/lib/domain/rota/coverage";
import { canReadRota } from "@/lib/domain/rota/rota-access";
import type { RotaRange } from "@/lib/domain/rota/rota-schemas";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { shiftSelect, toShiftDto, type ShiftDto } from "./shift-dto";

export interface RotaDto {
  from: Date;
  to: Date;
  shifts: ShiftDto[];
  /** The requesting sites whose coverage is analysed (the hub has its own radiologists). */
  sites: { id: string; code: string; name: string }[];
  overlaps: Overlap[];
  gaps: Gap[];
}

/** More shifts than this in two months is not a rota but a mistake; the view stays usable. */
const MAX_SHIFTS = 3000;

/** The shifts crossing [from, to), with the overlaps and the coverage gaps in that window. */
export async function listRota(args: { db: Db; actor: Actor; range: RotaRange }): Promise<RotaDto> {
  const { db, actor, range } = args;
  if (!canReadRota(actor)) throw new AppError("FORBIDDEN", "The rota is for radiologists, heads and administrators");
  const [rows, sites] = await Promise.all([
    db.shift.findMany({
      where: { startsAt: { lt: range.to }, endsAt: { gt: range.from } },
      select: shiftSelect,
      orderBy: [{ startsAt: "asc" }, { role: "asc" }],
      take: MAX_SHIFTS,
    }),
    db.site.findMany({ where: { kind: "HOSPITAL" }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  const shifts = rows.map(toShiftDto);
  const coverage = analyseCoverage({
    from: range.from,
    to: range.to,
    siteIds: sites.map((site) => site.id),
    shifts: shifts.map((shift) => ({ ...shift, siteIds: shift.sites.map((site) => site.id) })),
  });
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "ROTA_READ",
    entityType: "Shift",
    detail: { from: range.from.toISOString(), to: range.to.toISOString() },
  });
  return { from: range.from, to: range.to, shifts, sites, ...coverage };
}
