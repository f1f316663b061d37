import "server-only";
import { isEscalatedAndWaiting } from "@/lib/domain/worklist/worklist-marks";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toWorklistRow, worklistRowSelect, type WorklistRow } from "./request-dto";

// A worklist row with its marks: the columns of every row, plus what the list flags at a glance.
export const worklistListRowSelect = {
  ...worklistRowSelect,
  escalationLevel: true,
  holderId: true,
  holdAcknowledgedAt: true,
  _count: { select: { findings: { where: { acknowledgedAt: null } } } },
} satisfies Prisma.ReadingRequestSelect;

type WorklistListRecord = Prisma.ReadingRequestGetPayload<{ select: typeof worklistListRowSelect }>;

export interface WorklistListRow extends WorklistRow {
  /** Escalated and still not taken (the department head's board shows the same ones). */
  escalated: boolean;
  /** Critical findings not yet acknowledged; 0 for those who may not see findings. */
  criticalOpen: number;
}

export function toWorklistListRow(record: WorklistListRecord, showCritical: boolean): WorklistListRow {
  return {
    ...toWorklistRow(record),
    escalated: isEscalatedAndWaiting(record),
    criticalOpen: showCritical ? record._count.findings : 0,
  };
}
