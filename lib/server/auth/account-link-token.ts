import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: unguessable, so a link needs no attempt counter. */
export function newAccountLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only the hash is stored: a copy of the database does not hand out working links. */
export function hashAccountLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
