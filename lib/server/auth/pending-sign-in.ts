import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db/client";

// Between a right password and the second factor. The browser keeps a random ticket (256 bits);
// the server keeps its SHA-256, the throttling keys and a short expiry. No session exists yet.
const PENDING_TTL_MS = 5 * 60_000;

function hashTicket(ticket: string): string {
  return createHash("sha256").update(ticket).digest("hex");
}

export async function openPendingSignIn(tx: Tx, args: { userId: string; email: string; address: string; now: Date }): Promise<string> {
  const ticket = randomBytes(32).toString("base64url");
  await tx.pendingSignIn.deleteMany({ where: { expiresAt: { lt: args.now } } });
  await tx.pendingSignIn.create({
    data: { ticketHash: hashTicket(ticket), userId: args.userId, email: args.email, address: args.address, createdAt: args.now, expiresAt: new Date(args.now.getTime() + PENDING_TTL_MS) },
  });
  return ticket;
}

export interface PendingSignIn {
  id: string;
  userId: string;
  email: string;
  address: string;
}

/** The live pending sign-in a ticket names, or null (unknown, expired, or malformed). */
export async function findPendingSignIn(tx: Tx, ticket: unknown, now: Date): Promise<PendingSignIn | null> {
  if (typeof ticket !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
  return tx.pendingSignIn.findFirst({ where: { ticketHash: hashTicket(ticket), expiresAt: { gt: now } }, select: { id: true, userId: true, email: true, address: true } });
}

/** Ends a pending sign-in; true for the one caller that ended it (two racing successes open one session). */
export async function closePendingSignIn(tx: Tx, id: string): Promise<boolean> {
  const { count } = await tx.pendingSignIn.deleteMany({ where: { id } });
  return count === 1;
}
