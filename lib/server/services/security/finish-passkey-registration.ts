import "server-only";
// Imported at the first enrolment, not at start (passkey-assertion.ts says why).
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/domain/errors";
import { replaceRecoveryCodes } from "../../auth/factors/recovery-codes";
import type { RelyingParty } from "../../auth/factors/relying-party";
import { takeChallenge } from "../../auth/factors/webauthn-challenges";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { Self } from "./self";
import { strengthenSession } from "./session-strength";

const MAX_PASSKEYS = 10;

/** Keeps a new passkey once its answer to the server's challenge checks out; recovery codes come with the first factor. */
export async function finishPasskeyRegistration(args: {
  db: Db;
  self: Self;
  rp: RelyingParty;
  name: string;
  response: Record<string, unknown>;
  now?: Date;
}): Promise<{ passkeyId: string; recoveryCodes: string[] | null }> {
  const { db, self, rp } = args;
  const now = args.now ?? new Date();
  const response = args.response as unknown as RegistrationResponseJSON;
  return db.$transaction(async (tx) => {
    const challenge = await takeChallenge(tx, { userId: self.userId, purpose: "REGISTER", clientDataJSON: response.response?.clientDataJSON, now });
    if (!challenge) throw new AppError("SECOND_FACTOR_INVALID", "The passkey registration expired or was already used: start again");
    const { verifyRegistrationResponse } = await import("@simplewebauthn/server");
    const verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true }).catch(() => null);
    if (!verification?.verified) throw new AppError("SECOND_FACTOR_INVALID", "The passkey's answer could not be verified");
    if ((await tx.passkey.count({ where: { userId: self.userId } })) >= MAX_PASSKEYS) throw new AppError("BAD_INPUT", `At most ${MAX_PASSKEYS} passkeys`);
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    const passkey = await tx.passkey.create({
      data: {
        userId: self.userId,
        name: args.name,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: (credential.transports ?? []).slice(0, 8),
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        createdAt: now,
      },
      select: { id: true },
    });
    const hasCodes = (await tx.recoveryCode.count({ where: { userId: self.userId, usedAt: null } })) > 0;
    const recoveryCodes = hasCodes ? null : await replaceRecoveryCodes(tx, self.userId);
    await strengthenSession(tx, self, "PASSWORD_WEBAUTHN", now);
    await writeAudit(tx, { actorId: self.userId, action: "SECOND_FACTOR_ENROLLED", entityType: "User", entityId: self.userId, detail: { factor: "WEBAUTHN", passkey: passkey.id, name: args.name } });
    return { passkeyId: passkey.id, recoveryCodes };
  });
}
