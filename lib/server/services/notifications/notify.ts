import "server-only";
import type { NotificationKind } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../../db/client";
import { publishNotifications } from "../../realtime/publish";

export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  requestId: string | null;
  /** Small, non-clinical details (escalation level, a colleague's name). */
  detail?: Prisma.InputJsonValue;
}

/** What to publish once the transaction that wrote the notifications has committed. */
export interface PendingNotifications {
  userIds: string[];
  vital: boolean;
}

const VITAL_KINDS: ReadonlySet<NotificationKind> = new Set(["VITAL_EMERGENCY"]);

/** Writes notifications in the caller's transaction; publish the result after commit. */
export async function notifyInTx(tx: Tx, drafts: readonly NotificationDraft[]): Promise<PendingNotifications> {
  if (drafts.length === 0) return { userIds: [], vital: false };
  await tx.notification.createMany({
    data: drafts.map((draft) => ({ userId: draft.userId, kind: draft.kind, requestId: draft.requestId, detail: draft.detail })),
  });
  return { userIds: [...new Set(drafts.map((draft) => draft.userId))], vital: drafts.some((draft) => VITAL_KINDS.has(draft.kind)) };
}

/** Tells the users' browsers to refetch their notifications (after commit). */
export function publishPendingNotifications(pending: PendingNotifications): void {
  publishNotifications(pending.userIds, pending.vital);
}
