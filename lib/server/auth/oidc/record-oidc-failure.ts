import "server-only";
import type { OidcRefusal } from "@/lib/domain/oidc/oidc-outcome";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/**
 * An OpenID sign-in that failed before any identity could be matched: the user turned back
 * at the provider, or the provider answered an error, could not be reached, or sent an answer
 * that failed the checks (state, PKCE, nonce, signature). Nobody is named: nothing verified did.
 */
export async function recordOidcFailure(
  db: Db,
  input: { refusal: Extract<OidcRefusal, "CANCELLED" | "PROVIDER_ERROR">; step: "signin" | "callback"; error: string; address: string },
): Promise<void> {
  await writeAudit(db, {
    actorId: null,
    action: "SIGN_IN_FAILED",
    entityType: "User",
    entityId: null,
    detail: { method: "OIDC", reason: input.refusal, step: input.step, error: input.error.slice(0, 300), address: input.address.slice(0, 254) },
  });
}
