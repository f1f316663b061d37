import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/domain/access";
import type { Role } from "@/lib/domain/enums";
import { currentActor } from "./current-actor";

/** For pages: the signed-in actor holding one of `roles`; otherwise off to sign-in or home. */
export async function requireActor(roles?: readonly Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  if (roles && !roles.includes(actor.role)) redirect("/");
  return actor;
}

/** Where each role starts. */
export function homePath(actor: Actor): string {
  return actor.role === "ADMIN" ? "/admin" : "/worklist";
}
