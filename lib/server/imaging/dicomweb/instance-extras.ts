import "server-only";
import type { InstanceContent } from "@/lib/generated/prisma/client";
import type { Db } from "../../db/client";
import type { RetrievableInstance } from "../queries/find-retrievable-instances";

// What an instance holds and where its large binary values lie in the stored file, for
// instances a retrieval already found (and so already checked and audited): rendered
// resources and bulk data need them, the frame path does not.

export type BulkDataRanges = Record<string, [offset: number, length: number]>;

export interface InstanceExtras {
  content: InstanceContent;
  bulkData: BulkDataRanges;
}

export async function findInstanceExtras(db: Db, instances: readonly RetrievableInstance[]): Promise<Map<string, InstanceExtras>> {
  if (instances.length === 0) return new Map();
  const rows = await db.dicomInstance.findMany({
    where: { sopInstanceUid: { in: instances.map((instance) => instance.sopInstanceUid) } },
    select: { sopInstanceUid: true, content: true, bulkData: true },
  });
  return new Map(rows.map((row) => [row.sopInstanceUid, { content: row.content, bulkData: validRanges(row.bulkData) }]));
}

function validRanges(value: unknown): BulkDataRanges {
  const ranges: BulkDataRanges = {};
  if (!value || typeof value !== "object") return ranges;
  for (const [tag, range] of Object.entries(value)) {
    if (Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n) && n >= 0)) ranges[tag.toUpperCase()] = [range[0] as number, range[1] as number];
  }
  return ranges;
}
