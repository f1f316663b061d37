import "server-only";
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = "Télé-radiologie";

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: "sha1" });
}

/**
 * The time step a code belongs to, or null. One step either side is accepted (clocks drift, a
 * code typed at the end of its 30 s arrives in the next one); a step at or before `lastStep`
 * is refused, so a code seen over a shoulder or replayed is worth nothing once used.
 */
export async function acceptedTotpStep(secret: string, code: string, lastStep: number | null, now: Date): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    period: TOTP_PERIOD_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
