import "server-only";
import { returnPathOf } from "@/lib/domain/return-path";
import { clientAddressOf } from "../http/client-address";
import { decodeSessionCookie } from "./actor-from-cookie";
import { parseCookieHeader } from "./session-cookie";

/** What next-auth's callbacks need to know about the request they serve, which next-auth does not hand them. */
export interface AuthRequest {
  address: string;
  userAgent: string | null;
  /** The session the request's cookie names, if it decodes (live or not: the use case checks). */
  current: { userId: string; sessionId: string | null } | null;
  /** Where the user was going (next-auth's callback-url cookie), kept when a sign-in is refused. */
  returnTo: string | null;
}

const CALLBACK_URL_COOKIES = ["__Secure-next-auth.callback-url", "next-auth.callback-url"];

export async function authRequestOf(headers: Record<string, string | string[] | undefined>, origin: string): Promise<AuthRequest> {
  const cookieHeader = typeof headers.cookie === "string" ? headers.cookie : undefined;
  const secret = process.env.NEXTAUTH_SECRET;
  const cookies = parseCookieHeader(cookieHeader);
  const callbackUrl = CALLBACK_URL_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  const userAgent = headers["user-agent"];
  return {
    address: clientAddressOf(headers),
    userAgent: typeof userAgent === "string" ? userAgent : null,
    current: secret ? await decodeSessionCookie(cookieHeader, secret) : null,
    returnTo: returnPathOf(callbackUrl, origin),
  };
}
