import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { SessionMethod, SessionReach } from "@/lib/domain/strong-authentication";
import type { RelyingParty } from "../auth/factors/relying-party";
import type { Db } from "../db/client";

/** The signed-in session behind a request, whatever its reach (the enrolment procedures need it). */
export interface SessionContext {
  id: string;
  /** The user, loaded fresh; for a session of reach ENROLMENT_ONLY, only the security procedures use it. */
  user: Actor;
  method: SessionMethod;
  strongAt: Date | null;
  reach: SessionReach;
}

export interface TrpcContext {
  db: Db;
  /** null when nobody is signed in, the account was deactivated since, or the session must enrol a second factor first. */
  actor: Actor | null;
  session?: SessionContext | null;
  /** The WebAuthn relying party of this request (NEXTAUTH_URL, else its Host). */
  rp?: RelyingParty | null;
  /** The server-side session the request's cookie names (UserSession.id), when known. */
  sessionId?: string | null;
}
