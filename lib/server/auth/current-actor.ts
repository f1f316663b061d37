import "server-only";
import { getServerSession } from "next-auth";
import type { Actor } from "@/lib/domain/access";
import { getDb } from "../db/client";
import { authOptions } from "./auth-options";
import { loadActor } from "./load-actor";

/** The signed-in actor for pages and route handlers, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const userId = (session as { userId?: unknown } | null)?.userId;
  if (typeof userId !== "string") return null;
  return loadActor(getDb(), userId);
}
