// The `Authorization: Bearer <token>` header (RFC 6750 §2.1). The token's characters are
// b64token's; its length is bounded so that a pasted document is not sent on to the provider.

export type BearerHeader = { kind: "absent" } | { kind: "malformed" } | { kind: "token"; token: string };

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
export const MAX_BEARER_TOKEN_LENGTH = 4096;

/** What an Authorization header holds, as far as a bearer token goes. */
export function parseBearerHeader(header: string | undefined | null): BearerHeader {
  if (header === undefined || header === null || header.trim() === "") return { kind: "absent" };
  const token = BEARER.exec(header.trim())?.[1];
  if (!token || token.length > MAX_BEARER_TOKEN_LENGTH) return { kind: "malformed" };
  return { kind: "token", token };
}

/** The `WWW-Authenticate` challenge of a 401 (RFC 6750 §3); quotes are removed from the text, never escaped. */
export function bearerChallenge(realm: string, error?: "invalid_token" | "invalid_request", description?: string): string {
  const quoted = (text: string) => `"${text.replace(/["\\\r\n]/g, "")}"`;
  const parts = [`realm=${quoted(realm)}`];
  if (error) parts.push(`error=${quoted(error)}`);
  if (description) parts.push(`error_description=${quoted(description)}`);
  return `Bearer ${parts.join(", ")}`;
}
