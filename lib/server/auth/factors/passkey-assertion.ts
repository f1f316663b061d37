import "server-only";
// @simplewebauthn/server is imported at the first passkey sign-in, not at start: rarely used,
// it costs ~0.3 s of CPU and its memory in every server that never sees a passkey.
import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Tx } from "../../db/client";
import type { RelyingParty } from "./relying-party";
import { storeChallenge, takeChallenge, type ChallengePurpose } from "./webauthn-challenges";

/** Options for the browser to sign a fresh challenge with one of the user's passkeys. */
export async function passkeyAssertionOptions(
  tx: Tx,
  args: { userId: string; purpose: Exclude<ChallengePurpose, "REGISTER">; rp: RelyingParty; now: Date },
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await tx.passkey.findMany({ where: { userId: args.userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) return null;
  const { generateAuthenticationOptions } = await import("@simplewebauthn/server");
  const options = await generateAuthenticationOptions({
    rpID: args.rp.id,
    userVerification: "required",
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
  });
  await storeChallenge(tx, { userId: args.userId, purpose: args.purpose, challenge: options.challenge, now: args.now });
  return options;
}

/**
 * Whether the response proves one of this user's passkeys answered the challenge the server
 * issued for this purpose (taken once). The signature counter must move forward when the
 * authenticator keeps one (a cloned key shows an old counter); it is saved conditionally.
 */
export async function verifyPasskeyAssertion(
  tx: Tx,
  args: { userId: string; purpose: Exclude<ChallengePurpose, "REGISTER">; rp: RelyingParty; response: AuthenticationResponseJSON; now: Date },
): Promise<boolean> {
  const challenge = await takeChallenge(tx, { userId: args.userId, purpose: args.purpose, clientDataJSON: args.response.response?.clientDataJSON, now: args.now });
  if (!challenge) return false;
  const passkey = await tx.passkey.findFirst({ where: { userId: args.userId, credentialId: args.response.id }, select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true } });
  if (!passkey) return false;
  const { verifyAuthenticationResponse } = await import("@simplewebauthn/server");
  const verification = await verifyAuthenticationResponse({
    response: args.response,
    expectedChallenge: challenge,
    expectedOrigin: args.rp.origin,
    expectedRPID: args.rp.id,
    requireUserVerification: true,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
  }).catch(() => null);
  if (!verification?.verified) return false;
  const { count } = await tx.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: args.now },
  });
  return count === 1;
}
