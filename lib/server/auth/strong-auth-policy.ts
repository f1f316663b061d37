import "server-only";
import type { StrongAuthPolicy } from "@/lib/domain/strong-authentication";
import { getEnv, isDemoMode, type Env } from "../env";

/** The installation's strong-authentication policy: STRONG_AUTH_ROLES, demo mode exempt. */
export function strongAuthPolicy(env: Env = getEnv()): StrongAuthPolicy {
  return { roles: env.STRONG_AUTH_ROLES, demo: isDemoMode(env) };
}
