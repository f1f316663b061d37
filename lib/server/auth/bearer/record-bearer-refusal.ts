import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

export type BearerRefusal = "NOT_ENABLED" | "MALFORMED" | "INVALID_TOKEN" | "NO_RPPS" | "UNKNOWN_USER" | "INACTIVE_USER" | "PROVIDER_UNAVAILABLE";

/**
 * A bearer token refused: a sign-in that failed, like an OpenID one (record-oidc-failure.ts),
 * with the channel it came on. The token is never written, not even hashed in part: the RPPS
 * the provider vouched for (when it did) and the user it names are what an investigation needs.
 */
export async function recordBearerRefusal(
  db: Db,
  input: { refusal: BearerRefusal; userId?: string | null; rpps?: string | null; error?: string; address?: string; channel?: string },
): Promise<void> {
  await writeAudit(db, {
    actorId: input.userId ?? null,
    action: "SIGN_IN_FAILED",
    entityType: "User",
    entityId: input.userId ?? null,
    detail: {
      method: "BEARER",
      reason: input.refusal,
      ...(input.rpps ? { rpps: input.rpps } : {}),
      ...(input.error ? { error: input.error.slice(0, 300) } : {}),
      ...(input.address ? { address: input.address.slice(0, 254) } : {}),
      ...(input.channel ? { channel: input.channel.slice(0, 40) } : {}),
    },
  });
}
