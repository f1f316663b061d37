import "server-only";
// Imported at the first enrolment, not at start (passkey-assertion.ts says why).
import type { AuthenticatorTransportFuture, PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { RelyingParty } from "../../auth/factors/relying-party";
import { storeChallenge } from "../../auth/factors/webauthn-challenges";
import type { Db } from "../../db/client";
import type { Self } from "./self";

/**
 * Options for the browser to create a passkey: a discoverable credential with user verification
 * (a PIN or a fingerprint), the user's existing passkeys excluded, a challenge kept server-side.
 */
export async function beginPasskeyRegistration(args: { db: Db; self: Self; rp: RelyingParty; now?: Date }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { db, self, rp } = args;
  const now = args.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({ where: { id: self.userId }, select: { email: true, displayName: true, passkeys: { select: { credentialId: true, transports: true } } } });
  const { generateRegistrationOptions } = await import("@simplewebauthn/server");
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(self.userId),
    attestationType: "none",
    excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  await db.$transaction((tx) => storeChallenge(tx, { userId: self.userId, purpose: "REGISTER", challenge: options.challenge, now }));
  return options;
}
