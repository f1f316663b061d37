import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dateRange, wildcardToLike, type QidoQuery } from "./qido-query";

// QIDO-RS matching (PS3.4 C.2.2.2) as Prisma filters: single value, wildcard (* ?), UID
// lists and date ranges. Text matching is case-insensitive, as the product's users expect.

export class QidoFilterError extends Error {}

function text(value: string, caseInsensitive = true): Prisma.StringFilter | string {
  const like = wildcardToLike(value);
  if (like === null) return caseInsensitive ? { equals: value, mode: "insensitive" } : value;
  // Prisma has no LIKE: a wildcard at both ends, one end, or in the middle maps to its operators.
  const core = value.replace(/^\*+|\*+$/g, "");
  if (!/[*?]/.test(core)) {
    const mode = caseInsensitive ? ("insensitive" as const) : ("default" as const);
    if (value.startsWith("*") && value.endsWith("*")) return { contains: core, mode };
    if (value.endsWith("*")) return { startsWith: core, mode };
    return { endsWith: core, mode };
  }
  throw new QidoFilterError(`wildcards inside a value are not supported: "${value.slice(0, 64)}"`);
}

function uidList(value: string): string[] {
  return value.split(/[,\\]/).map((v) => v.trim()).filter(Boolean);
}

export function studyFilters(query: QidoQuery): Prisma.DicomStudyWhereInput[] {
  const filters: Prisma.DicomStudyWhereInput[] = [];
  for (const [tag, value] of query.match) {
    switch (tag) {
      case "0020000D":
        filters.push({ studyInstanceUid: { in: uidList(value) } });
        break;
      case "00100010":
        filters.push({ patient: { name: text(value) } });
        break;
      case "00100020":
        filters.push({ patient: { patientId: text(value, false) } });
        break;
      case "00080050":
        filters.push({ accessionNumber: text(value, false) });
        break;
      case "00080020": {
        const range = dateRange(value);
        if (!range) throw new QidoFilterError(`StudyDate must be YYYYMMDD or a range: "${value.slice(0, 32)}"`);
        filters.push({ studyDate: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lte: range.to } : {}) } });
        break;
      }
      case "00080061":
        filters.push({ series: { some: { modality: { in: uidList(value) } } } });
        break;
      case "00081030":
        filters.push({ studyDescription: text(value) });
        break;
      case "00200010":
        filters.push({ studyId: text(value, false) });
        break;
      case "00080090":
        filters.push({ referringPhysicianName: text(value) });
        break;
      default:
        break;
    }
  }
  return filters;
}

export function seriesFilters(query: QidoQuery): Prisma.DicomSeriesWhereInput[] {
  const filters: Prisma.DicomSeriesWhereInput[] = [];
  for (const [tag, value] of query.match) {
    switch (tag) {
      case "0020000E":
        filters.push({ seriesInstanceUid: { in: uidList(value) } });
        break;
      case "00080060":
        filters.push({ modality: { in: uidList(value) } });
        break;
      case "00200011": {
        const number = Number(value);
        if (!Number.isInteger(number)) throw new QidoFilterError("SeriesNumber must be an integer");
        filters.push({ seriesNumber: number });
        break;
      }
      case "0008103E":
        filters.push({ seriesDescription: text(value) });
        break;
      default:
        break;
    }
  }
  return filters;
}

export function instanceFilters(query: QidoQuery): Prisma.DicomInstanceWhereInput[] {
  const filters: Prisma.DicomInstanceWhereInput[] = [];
  for (const [tag, value] of query.match) {
    switch (tag) {
      case "00080018":
        filters.push({ sopInstanceUid: { in: uidList(value) } });
        break;
      case "00080016":
        filters.push({ sopClassUid: { in: uidList(value) } });
        break;
      case "00200013": {
        const number = Number(value);
        if (!Number.isInteger(number)) throw new QidoFilterError("InstanceNumber must be an integer");
        filters.push({ instanceNumber: number });
        break;
      }
      default:
        break;
    }
  }
  return filters;
}
