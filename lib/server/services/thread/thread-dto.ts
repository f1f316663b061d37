import "server-only";
import type { QuickAction } from "@/lib/domain/thread";
import { QUICK_ACTIONS } from "@/lib/domain/thread";

export interface ThreadMessageDto {
  id: string;
  requestId: string;
  at: Date;
  author: { id: string; name: string; role: string };
  /** Free text; may be empty when the message is a quick action. */
  body: string;
  quickAction: QuickAction | null;
}

export const threadMessageSelect = {
  id: true,
  requestId: true,
  at: true,
  body: true,
  quickAction: true,
  author: { select: { id: true, displayName: true, role: true } },
} as const;

export function toThreadMessageDto(row: {
  id: bigint;
  requestId: string;
  at: Date;
  body: string;
  quickAction: string | null;
  author: { id: string; displayName: string; role: string };
}): ThreadMessageDto {
  return {
    id: row.id.toString(),
    requestId: row.requestId,
    at: row.at,
    author: { id: row.author.id, name: row.author.displayName, role: row.author.role },
    body: row.body,
    quickAction: (QUICK_ACTIONS as readonly string[]).includes(row.quickAction ?? "") ? (row.quickAction as QuickAction) : null,
  };
}
