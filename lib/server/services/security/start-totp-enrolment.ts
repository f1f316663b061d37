import "server-only";
import { AppError } from "@/lib/domain/errors";
import { sealSecret } from "../../auth/factors/secret-box";
import { newTotpSecret, totpUri } from "../../auth/factors/totp";
import type { Db } from "../../db/client";
import type { Self } from "./self";

/**
 * A new TOTP secret, kept unconfirmed until the first valid code (confirm-totp-enrolment.ts).
 * Starting again replaces an unconfirmed one; an enrolled TOTP must be removed first. The
 * secret is shown once, as a QR code and as text for manual entry, and stored encrypted.
 */
export async function startTotpEnrolment(args: { db: Db; self: Self }): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  const { db, self } = args;
  const user = await db.user.findUniqueOrThrow({ where: { id: self.userId }, select: { email: true, totpFactor: { select: { confirmedAt: true } } } });
  if (user.totpFactor?.confirmedAt) throw new AppError("INVALID_TRANSITION", "An authenticator is already enrolled: remove it first", { action: "ENROL_TOTP", from: "ENROLLED" });
  const secret = newTotpSecret();
  const secretEnc = sealSecret(secret, self.userId);
  await db.totpFactor.upsert({
    where: { userId: self.userId },
    create: { userId: self.userId, secretEnc },
    update: { secretEnc, lastStep: null, createdAt: new Date() },
  });
  const uri = totpUri(secret, user.email);
  // Loaded at the first enrolment, not at start: one use, rare.
  const { default: QRCode } = await import("qrcode");
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret, uri, qrDataUrl };
}
