import "server-only";
import type { ShiftRole, Subspecialty } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ShiftDto {
  id: string;
  radiologistId: string;
  radiologistName: string;
  startsAt: Date;
  endsAt: Date;
  role: ShiftRole;
  subspecialties: Subspecialty[];
  sites: { id: string; code: string }[];
  seriesId: string | null;
}

export const shiftSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  role: true,
  subspecialties: true,
  seriesId: true,
  radiologist: { select: { id: true, displayName: true } },
  sites: { select: { site: { select: { id: true, code: true } } } },
} satisfies Prisma.ShiftSelect;

type ShiftRow = Prisma.ShiftGetPayload<{ select: typeof shiftSelect }>;

export function toShiftDto(row: ShiftRow): ShiftDto {
  return {
    id: row.id,
    radiologistId: row.radiologist.id,
    radiologistName: row.radiologist.displayName,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    role: row.role,
    subspecialties: row.subspecialties,
    sites: row.sites.map((link) => link.site).sort((a, b) => a.code.localeCompare(b.code)),
    seriesId: row.seriesId,
  };
}
