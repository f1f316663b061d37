import { DatabaseError } from "pg";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "./database-unavailable";

// The shapes below are what Prisma 7 + @prisma/adapter-pg raised against an embedded cluster
// stopped under load (captured for this file; database-unavailable.int.test.ts raises them
// again for real). Built with the real classes so that a Prisma upgrade changing them shows here.

const known = (code: string, message: string, meta: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7", meta });
const adapter = (cause: Record<string, unknown>) => ({ driverAdapterError: { name: "DriverAdapterError", cause } });

describe("isDatabaseUnavailable", () => {
  it("recognises a cluster that is not listening (P1001, and P2010 for a raw query)", () => {
    expect(isDatabaseUnavailable(known("P1001", "Can't reach database server at 127.0.0.1:58900", { modelName: "Site", ...adapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 58900 }) })))
      .toBe(true);
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `N/A`.", adapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 58900 })))).toBe(true);
  });

  it("recognises a shutdown under way: 57P01 admin_shutdown and 57P03 cannot_connect_now", () => {
    const shutdown = { originalCode: "57P01", originalMessage: "terminating connection due to administrator command", kind: "postgres", code: "57P01", severity: "FATAL" };
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `57P01`.", adapter(shutdown)))).toBe(true);
    const starting = { originalCode: "57P03", originalMessage: "the database system is shutting down", kind: "postgres", code: "57P03", severity: "FATAL" };
    expect(isDatabaseUnavailable(known("P2039", "Database error. Code: `57P03`.", { modelName: "Site", ...adapter(starting) }))).toBe(true);
  });

  it("recognises a dropped connection, a server that closed it and a saturated pool", () => {
    expect(isDatabaseUnavailable(known("P1017", "Server has closed the connection.", {}))).toBe(true);
    expect(isDatabaseUnavailable(known("P2024", "Timed out fetching a new connection from the connection pool.", {}))).toBe(true);
    expect(isDatabaseUnavailable(known("P2028", "Transaction API error: Unable to start a transaction in the given time.", {}))).toBe(true);
    expect(isDatabaseUnavailable(known("P2039", "Database error.", adapter({ kind: "ConnectionClosed" })))).toBe(true);
  });

  it("recognises node-postgres's own errors, which reach a transaction's caller unwrapped", () => {
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    const terminated = new DatabaseError("terminating connection due to administrator command", 0, "error");
    terminated.code = "57P01";
    expect(isDatabaseUnavailable(terminated)).toBe(true);
  });

  it("looks through the causes tRPC and our wrappers add", () => {
    const cause = known("P1001", "Can't reach database server", adapter({ kind: "DatabaseNotReachable" }));
    expect(isDatabaseUnavailable(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("again", { cause }) }))).toBe(true);
  });

  it("leaves the request's own faults and our bugs alone: they are not 503s", () => {
    expect(isDatabaseUnavailable(known("P2002", "Unique constraint failed", { target: ["email"] }))).toBe(false);
    expect(isDatabaseUnavailable(known("P2025", "Record not found", {}))).toBe(false);
    // A constraint broken inside a raw query: a postgres error, but not about the connection.
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `23505`.", adapter({ kind: "UniqueConstraintViolation" })))).toBe(false);
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `42P01`.", adapter({ kind: "postgres", code: "42P01", originalCode: "42P01" })))).toBe(false);
    expect(isDatabaseUnavailable(new Prisma.PrismaClientValidationError("Argument `name` is missing.", { clientVersion: "7" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
    // A protocol violation (too many bind parameters) is in class 08 but is our bug.
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `08P01`.", adapter({ kind: "postgres", code: "08P01", originalCode: "08P01" })))).toBe(false);
  });

  it("leaves another peer's failure alone, though it carries the same socket codes (S3, OpenID provider)", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9000"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new TypeError("fetch failed", { cause: refused }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("socket hang up", { cause: refused }), { $metadata: { attempts: 3 } }))).toBe(false);
    // The same code straight from pg's connection is the database.
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });
});
