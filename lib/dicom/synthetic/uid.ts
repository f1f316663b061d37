import { createHash } from "node:crypto";

/** SHA-256 of the parts, unambiguously joined (JSON) so ("a", "bc") never collides with ("ab", "c"). */
export function hashParts(seed: string, parts: readonly string[]): Buffer {
  return createHash("sha256").update(JSON.stringify([seed, ...parts])).digest();
}

/**
 * A UID under the 2.25 root (ISO/IEC 9834-8: a UUID written as one decimal integer), from the
 * first 128 bits of a SHA-256 of the seed and parts. Decimal BigInt never has a leading zero
 * and 2^128 has 39 digits, so the UID is at most 44 characters (the limit is 64).
 */
export function uidFromSeed(seed: string, ...parts: string[]): string {
  const digest = hashParts(seed, parts);
  return `2.25.${BigInt(`0x${digest.subarray(0, 16).toString("hex")}`).toString(10)}`;
}

/** Identifies this writer in every file's meta header (0002,0012); fixed so output stays deterministic. */
export const IMPLEMENTATION_CLASS_UID = uidFromSeed("teleradiologie-territoriale", "synthetic-dicom-writer");
export const IMPLEMENTATION_VERSION_NAME = "TELERAD_SYNTH_1";
