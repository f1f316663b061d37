import "server-only";
import { getServerSession } from "next-auth";
import type { Actor } from "@/lib/domain/access";
import { getDb } from "../db/client";
import { authOptions } from "./auth-options";
import { loadActor } from "./load-actor";

/**
 * The signed-in actor for pages and route handlers, or null. next-auth's session callback
 * (auth-options.ts) has already checked that the cookie's server-side session is live.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as { userId?: unknown } | null;
  const userId = session?.userId;
  if (typeof userId !== "string") return null;
  return loadActor(getDb(), userId);
}
