// Which RPPS number an OpenID provider vouches for. Pro Santé Connect names the professional by
// the national identifier idNat_PS in `SubjectNameID` (and `preferred_username`): "8" followed
// by the 11-digit RPPS number for professionals registered in the RPPS. `sub` is an opaque,
// per-wallet identifier and is never used. Other providers (Keycloak, Entra ID) are set up to
// send the bare 11 digits in a claim of the hospital's choosing.

/** The claim names tried in order when the configuration names none. */
export const DEFAULT_RPPS_CLAIMS = ["SubjectNameID", "preferred_username"] as const;

const RPPS = /^\d{11}$/;
const ID_NAT_FROM_RPPS = /^8(\d{11})$/;

/** The RPPS number an identifier carries: 11 digits, or idNat_PS "8" + 11 digits; else null (ADELI numbers and others). */
export function rppsFromIdentifier(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim();
  if (RPPS.test(text)) return text;
  return ID_NAT_FROM_RPPS.exec(text)?.[1] ?? null;
}

/**
 * The RPPS from the first of `claimNames` present in the claims. A dotted name reads a nested
 * object ("identity.rpps"). The first claim present decides: a present but unusable value
 * (an ADELI number) is not silently replaced by another claim's.
 */
export function rppsFromClaims(claims: Readonly<Record<string, unknown>>, claimNames: readonly string[]): string | null {
  for (const name of claimNames) {
    const value = claimAt(claims, name);
    if (value === undefined || value === null || value === "") continue;
    return rppsFromIdentifier(value);
  }
  return null;
}

function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let current: unknown = claims;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
