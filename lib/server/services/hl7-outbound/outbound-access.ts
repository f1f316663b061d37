import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Role } from "@/lib/domain/enums";

/** Who watches the outbox and sends a failed message again: the head (operations board) and the administrator. */
export const OUTBOUND_WATCHERS = ["DEPARTMENT_HEAD", "ADMIN"] as const satisfies readonly Role[];

export const canWatchOutbound = (actor: Actor) => (OUTBOUND_WATCHERS as readonly Role[]).includes(actor.role);
