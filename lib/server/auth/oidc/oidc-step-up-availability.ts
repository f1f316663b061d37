import "server-only";
import type { Db } from "../../db/client";
import { oidcConfig, type OidcConfig } from "./oidc-config";

/**
 * Whether a user can prove a fresh strong authentication at the OpenID provider (a step-up
 * before signing): a provider is configured and the account carries an RPPS number for it to
 * match. The provider's name is what the dialog's button says.
 */
export async function oidcStepUpFor(db: Db, userId: string, config: OidcConfig | null = oidcConfig()): Promise<{ providerName: string } | null> {
  if (!config) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { rpps: true, active: true } });
  return user?.active && user.rpps ? { providerName: config.displayName } : null;
}
