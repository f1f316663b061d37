import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The database could not give a connection or start a transaction in time (P2024, P2028):
 * the server is overloaded, not the request wrong. Answered 503 with Retry-After, not 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2024" || error.code === "P2028");
}
