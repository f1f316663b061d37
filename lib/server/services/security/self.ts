import type { SessionMethod } from "@/lib/domain/strong-authentication";

/** The signed-in user acting on their own account's security, and the session they act from. */
export interface Self {
  userId: string;
  sessionId: string;
  method: SessionMethod;
}
