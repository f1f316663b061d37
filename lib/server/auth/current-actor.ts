import "server-only";
import { getServerSession } from "next-auth";
import type { Actor } from "@/lib/domain/access";
import { isSessionMethod, type SessionMethod, type SessionReach } from "@/lib/domain/strong-authentication";
import { getDb } from "../db/client";
import { authOptions } from "./auth-options";
import { loadActor } from "./load-actor";

export interface CurrentSession {
  actor: Actor;
  sessionId: string;
  method: SessionMethod;
  reach: SessionReach;
}

/** The signed-in session for pages, whatever its reach (the security page serves both), or null. */
export async function currentSession(): Promise<CurrentSession | null> {
  const session = (await getServerSession(authOptions)) as { userId?: unknown; sessionId?: unknown; method?: unknown; reach?: unknown } | null;
  const userId = session?.userId;
  if (typeof userId !== "string" || typeof session?.sessionId !== "string") return null;
  const actor = await loadActor(getDb(), userId);
  if (!actor) return null;
  const method = typeof session.method === "string" && isSessionMethod(session.method) ? session.method : "PASSWORD";
  // Anything but an explicit FULL is the narrow reach: a session read without the policy is not trusted.
  return { actor, sessionId: session.sessionId, method, reach: session.reach === "FULL" ? "FULL" : "ENROLMENT_ONLY" };
}

/**
 * The signed-in actor for pages and route handlers, or null. next-auth's session callback
 * (auth-options.ts) has already checked that the cookie's server-side session is live; a
 * session that must enrol a second factor first is nobody here (require-actor.ts redirects it).
 */
export async function currentActor(): Promise<Actor | null> {
  const current = await currentSession();
  return current?.reach === "FULL" ? current.actor : null;
}
