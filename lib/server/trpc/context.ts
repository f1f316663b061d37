import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../db/client";

export interface TrpcContext {
  db: Db;
  /** null when nobody is signed in, or the account was deactivated since. */
  actor: Actor | null;
  /** The server-side session the request's cookie names (UserSession.id), when known. */
  sessionId?: string | null;
}
