import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/domain/access";
import type { Role } from "@/lib/domain/enums";
import { currentSession } from "./current-actor";

/** Where a session that must enrol a second factor is sent, and the only page it may see. */
export const SECURITY_PATH = "/account/security";

/** For pages: the signed-in actor holding one of `roles`; otherwise off to sign-in, enrolment or home. */
export async function requireActor(roles?: readonly Role[]): Promise<Actor> {
  const current = await currentSession();
  if (!current) redirect("/signin");
  if (current.reach !== "FULL") redirect(SECURITY_PATH);
  const actor = current.actor;
  if (roles && !roles.includes(actor.role)) redirect("/");
  return actor;
}

/** Where each role starts. */
export function homePath(actor: Actor): string {
  return actor.role === "ADMIN" ? "/admin" : "/worklist";
}
