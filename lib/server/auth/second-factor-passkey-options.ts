import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "../db/client";
import { passkeyAssertionOptions } from "./factors/passkey-assertion";
import type { RelyingParty } from "./factors/relying-party";
import { findPendingSignIn } from "./pending-sign-in";

/** A passkey challenge for the second step of a sign-in; null when the ticket is not live (start again). */
export async function secondFactorPasskeyOptions(db: Db, input: { ticket: string; rp: RelyingParty }, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return db.$transaction(async (tx) => {
    const pending = await findPendingSignIn(tx, input.ticket, now);
    if (!pending) return null;
    return passkeyAssertionOptions(tx, { userId: pending.userId, purpose: "SIGN_IN", rp: input.rp, now });
  });
}
