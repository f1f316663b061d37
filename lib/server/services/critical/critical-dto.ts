import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { CommunicationChannel, CriticalCategory, Role } from "@/lib/domain/enums";
import { canAcknowledgeCritical, canRecordCommunication, findingState, type FindingState } from "@/lib/domain/reports/critical-findings";
import type { Prisma } from "@/lib/generated/prisma/client";

// What the critical findings panel receives: each finding with its whole loop (flagged,
// communicated, acknowledged, escalated) and what the reader may do with it.

export interface CriticalCommunicationDto {
  id: string;
  recipientName: string;
  recipientId: string | null;
  channel: CommunicationChannel;
  communicatedAt: Date;
  /** The recipient confirmed receipt (read back) during this communication. */
  acknowledged: boolean;
  recordedBy: { id: string; name: string };
  recordedAt: Date;
}

export interface CriticalFindingDto {
  id: string;
  category: CriticalCategory;
  description: string;
  state: FindingState;
  flaggedBy: { id: string; name: string };
  flaggedAt: Date;
  /** MINUTES only: unacknowledged then, it escalates. */
  acknowledgeBy: Date | null;
  acknowledgedAt: Date | null;
  /** Who acknowledged: an account (in app, or a named recipient who has one) or only a name (phone). */
  acknowledgedBy: { id: string | null; name: string } | null;
  escalatedAt: Date | null;
  communications: CriticalCommunicationDto[];
  can: { communicate: boolean; acknowledge: boolean };
}

export interface CriticalContactDto {
  id: string;
  name: string;
  role: Role;
  isRequester: boolean;
}

export interface CriticalFindingsDto {
  requestId: string;
  /** The site's acknowledgement delay of a vital finding, in minutes. */
  ackMinutes: number;
  can: { flag: boolean; communicate: boolean; acknowledge: boolean };
  findings: CriticalFindingDto[];
  /** The site's referring physicians, offered as recipients to whoever records communications. */
  contacts: CriticalContactDto[];
}

export const criticalFindingSelect = {
  id: true,
  category: true,
  description: true,
  flaggedAt: true,
  acknowledgeBy: true,
  acknowledgedAt: true,
  acknowledgedById: true,
  acknowledgedByName: true,
  escalatedAt: true,
  flaggedBy: { select: { id: true, displayName: true } },
  communications: {
    orderBy: [{ communicatedAt: "asc" }, { recordedAt: "asc" }],
    select: {
      id: true,
      recipientName: true,
      recipientId: true,
      channel: true,
      communicatedAt: true,
      acknowledged: true,
      recordedAt: true,
      recordedBy: { select: { id: true, displayName: true } },
    },
  },
} as const satisfies Prisma.CriticalFindingSelect;

type FindingRow = Prisma.CriticalFindingGetPayload<{ select: typeof criticalFindingSelect }>;

export function toCriticalFindingDto(row: FindingRow, actor: Actor, request: { siteId: string; holderId: string | null }): CriticalFindingDto {
  return {
    id: row.id,
    category: row.category,
    description: row.description,
    state: findingState(row),
    flaggedBy: { id: row.flaggedBy.id, name: row.flaggedBy.displayName },
    flaggedAt: row.flaggedAt,
    acknowledgeBy: row.acknowledgeBy,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedBy: row.acknowledgedAt ? { id: row.acknowledgedById, name: row.acknowledgedByName ?? "" } : null,
    escalatedAt: row.escalatedAt,
    communications: row.communications.map((c) => ({
      id: c.id,
      recipientName: c.recipientName,
      recipientId: c.recipientId,
      channel: c.channel,
      communicatedAt: c.communicatedAt,
      acknowledged: c.acknowledged,
      recordedBy: { id: c.recordedBy.id, name: c.recordedBy.displayName },
      recordedAt: c.recordedAt,
    })),
    can: {
      communicate: canRecordCommunication(actor, request, { flaggedById: row.flaggedBy.id }),
      acknowledge: row.acknowledgedAt === null && canAcknowledgeCritical(actor, request),
    },
  };
}
