import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// TOTP secrets at rest: AES-256-GCM, with the user's id as associated data (a ciphertext copied
// onto another user's row does not decrypt). The key is SECOND_FACTOR_KEY when set: a dedicated
// key can be kept in a secrets manager and survives a rotation of NEXTAUTH_SECRET. Otherwise it
// is derived from NEXTAUTH_SECRET with HKDF-SHA256 under its own label, so the installation
// needs no new secret and the cookie-signing key itself is never used to encrypt. Both are read
// from the process at call time: main.ts sets NEXTAUTH_SECRET after the environment is parsed.

const VERSION = "v1";

function key(): Buffer {
  const dedicated = process.env.SECOND_FACTOR_KEY;
  if (dedicated) return Buffer.from(dedicated, "base64");
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET or SECOND_FACTOR_KEY is needed to encrypt second factors");
  return Buffer.from(hkdfSync("sha256", secret, "teleradio", "second-factor-secret-box/v1", 32));
}

export function sealSecret(plain: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The secret, or null when the box was not made for this user or with this key. */
export function openSecret(sealed: string, userId: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
