import "server-only";

// Asks the installation's OpenID provider who an access token belongs to, at its UserInfo
// endpoint (OpenID Connect Core §5.3). The provider is the only judge of its tokens: this works
// for opaque tokens (Pro Santé Connect's) and JWTs alike, and a revoked token is refused at once.

export type UserinfoAnswer =
  | { kind: "claims"; claims: Record<string, unknown> }
  /** The provider refused the token (401/403): unknown, expired, revoked or without `openid`. */
  | { kind: "refused"; detail: string }
  /** The provider could not be asked or answered something unusable. */
  | { kind: "unavailable"; detail: string };

const TIMEOUT_MS = 5_000;
const DISCOVERY_CACHE_MS = 60 * 60_000;
const discovered = new Map<string, { endpoint: string; until: number }>();

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

async function userinfoEndpoint(issuer: string, fetchImpl: FetchLike): Promise<string> {
  const known = discovered.get(issuer);
  if (known && known.until > Date.now()) return known.endpoint;
  const response = await fetchImpl(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; userinfo_endpoint?: unknown };
  // The document must be the issuer's own (Core discovery §4.3), else its endpoint is not trusted.
  if (typeof document.issuer !== "string" || document.issuer.replace(/\/+$/, "") !== issuer) throw new Error("discovery document of another issuer");
  if (typeof document.userinfo_endpoint !== "string") throw new Error("the provider has no userinfo_endpoint");
  discovered.set(issuer, { endpoint: document.userinfo_endpoint, until: Date.now() + DISCOVERY_CACHE_MS });
  return document.userinfo_endpoint;
}

export async function askUserinfo(issuer: string, token: string, fetchImpl: FetchLike = fetch): Promise<UserinfoAnswer> {
  let endpoint: string;
  try {
    endpoint = await userinfoEndpoint(issuer, fetchImpl);
  } catch (error) {
    return { kind: "unavailable", detail: `discovery: ${messageOf(error)}` };
  }
  let response: Response;
  try {
    response = await fetchImpl(endpoint, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { authorization: `Bearer ${token}`, accept: "application/json, application/jwt" } });
  } catch (error) {
    return { kind: "unavailable", detail: `userinfo: ${messageOf(error)}` };
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    return { kind: "refused", detail: challengeError(response.headers.get("www-authenticate")) ?? `userinfo answered ${response.status}` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { kind: "unavailable", detail: `userinfo answered ${response.status}` };
  }
  try {
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    // A signed UserInfo (application/jwt) came straight from the provider over its own TLS
    // connection, which is what vouches for it here: its payload is read, as Core §5.3.2 allows.
    const claims: unknown = type.includes("application/jwt") ? JSON.parse(Buffer.from(text.split(".")[1] ?? "", "base64url").toString("utf8")) : JSON.parse(text);
    if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return { kind: "unavailable", detail: "userinfo answer is not an object" };
    return { kind: "claims", claims: claims as Record<string, unknown> };
  } catch (error) {
    return { kind: "unavailable", detail: `userinfo answer unreadable: ${messageOf(error)}` };
  }
}

/** The `error_description` (or `error`) of the provider's challenge: says expired or revoked. */
function challengeError(header: string | null): string | null {
  if (!header) return null;
  return /error_description="([^"]*)"/.exec(header)?.[1] ?? /error="([^"]*)"/.exec(header)?.[1] ?? null;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

/** Tests point the product at a fresh provider on another port. */
export function forgetDiscovery(): void {
  discovered.clear();
}
