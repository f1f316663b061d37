import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { clientAddressOf } from "../http/client-address";
import { relyingPartyOf } from "./factors/relying-party";
import { signInWithPassword } from "./sign-in-with-password";
import { signInWithSecondFactor } from "./sign-in-with-second-factor";
import { strongAuthPolicy } from "./strong-auth-policy";

// The two steps of a local sign-in, as next-auth credentials providers. next-auth hands an
// error's message to the form as its code (lib/ui/signin/sign-in-error.ts).

/** First step: e-mail and password; an account with a second factor gets a ticket for the second step instead of a session. */
export function passwordProvider(sessionMaxAgeSeconds: () => number) {
  return CredentialsProvider({
    name: "credentials",
    credentials: { email: { type: "email" }, password: { type: "password" } },
    async authorize(raw, req) {
      const headers = req.headers ?? {};
      const userAgent = headers["user-agent"];
      const outcome = await signInWithPassword(getDb(), {
        credentials: raw,
        address: clientAddressOf(headers),
        userAgent: typeof userAgent === "string" ? userAgent : null,
        sessionMaxAgeSeconds: sessionMaxAgeSeconds(),
        policy: strongAuthPolicy(),
      });
      if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.displayName, sid: outcome.sessionId };
      if (outcome.reason === "SECOND_FACTOR") throw new Error(`SECOND_FACTOR:${outcome.ticket}:${outcome.totp ? "T" : ""}${outcome.passkey ? "P" : ""}`);
      if (outcome.reason !== "INVALID") throw new Error(`${outcome.reason}:${outcome.retryAfterSeconds}`);
      return null;
    },
  });
}

/** Second step: the ticket of a right password and the factor's proof (JSON). */
export function secondFactorProvider(sessionMaxAgeSeconds: () => number) {
  return CredentialsProvider({
    id: "second-factor",
    name: "second-factor",
    credentials: { ticket: { type: "text" }, proof: { type: "text" } },
    async authorize(raw, req) {
      const headers = req.headers ?? {};
      const userAgent = headers["user-agent"];
      const outcome = await signInWithSecondFactor(getDb(), {
        ticket: raw?.ticket,
        proof: parseProof(raw?.proof),
        address: clientAddressOf(headers),
        userAgent: typeof userAgent === "string" ? userAgent : null,
        rp: relyingPartyOf(headers),
        sessionMaxAgeSeconds: sessionMaxAgeSeconds(),
      });
      if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.displayName, sid: outcome.sessionId };
      if (outcome.reason === "THROTTLED" || outcome.reason === "LOCKED") throw new Error(`${outcome.reason}:${outcome.retryAfterSeconds}`);
      if (outcome.reason === "EXPIRED") throw new Error("EXPIRED");
      return null;
    },
  });
}

function parseProof(raw: unknown): unknown {
  if (typeof raw !== "string" || raw.length > 16_384) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
