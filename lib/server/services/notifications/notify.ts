import "server-only";
import type { NotificationKind } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../../db/client";
import type { Effects } from "../../use-cases/effects";

export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  requestId: string | null;
  /** Small, non-clinical details (escalation level, a colleague's name). */
  detail?: Prisma.InputJsonValue;
}

const VITAL_KINDS: ReadonlySet<NotificationKind> = new Set(["VITAL_EMERGENCY"]);

/**
 * Writes notifications in the caller's transaction and registers the hint that tells the users'
 * browsers to refetch them (sent after commit by the use-case runner). A vital kind rings;
 * `ring` makes any kind ring (a vital critical finding: its kind alone does not say the category).
 */
export async function notifyInTx(tx: Tx, effects: Effects, drafts: readonly NotificationDraft[], options?: { ring?: boolean }): Promise<void> {
  if (drafts.length === 0) return;
  await tx.notification.createMany({
    data: drafts.map((draft) => ({ userId: draft.userId, kind: draft.kind, requestId: draft.requestId, detail: draft.detail })),
  });
  const vital = options?.ring === true || drafts.some((draft) => VITAL_KINDS.has(draft.kind));
  effects.notificationsChanged(drafts.map((draft) => draft.userId), vital);
}
