import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { actorOf, connectFreshTestDb } from "@/lib/testing/test-db";
import type { Actor } from "@/lib/domain/access";
import { createDbClient } from "../db/client";
import { grantRuntimePrivileges, roleOfUrl } from "../db/runtime-role";
import { createCaller } from "../trpc/app-router";
import { drainReadAudits, flushReadAudits } from "./read-audit-buffer";

// A real failure, no mock: the server's run-time role loses its right to write audit rows (as
// an owner's mistake or a full disk would make every INSERT fail), on a database of this
// file's own so that no other test file meets the revoked right.

const fresh = connectFreshTestDb("read_audits");
let owner: pg.Client;
let app: ReturnType<typeof createDbClient>;
let reader: Actor;

const noFilter = { statuses: [], siteIds: [], priorities: [], types: [] };

beforeAll(async () => {
  owner = new pg.Client({ connectionString: fresh.url() });
  await owner.connect();
  const appUrl = new URL(inject("appDatabaseUrl"));
  appUrl.pathname = new URL(fresh.url()).pathname;
  await grantRuntimePrivileges(fresh.url(), roleOfUrl(appUrl.toString()));
  app = createDbClient(appUrl.toString(), 4);
  const site = await createSite(fresh.current());
  reader = await actorOf(fresh.current(), (await createUser(fresh.current(), { role: "RADIOLOGIST", readsFor: [site.id] })).id);
});
afterAll(async () => {
  await app.$disconnect();
  await owner.end();
});

const role = () => roleOfUrl(inject("appDatabaseUrl"));
const auditedReads = async () => fresh.current().auditLog.count({ where: { action: "WORKLIST_READ", actorId: reader.id } });

describe("read audits when the database refuses them", () => {
  it("keeps the rows, refuses reads with a 503 until they are written, then serves again", async () => {
    const caller = createCaller({ db: app, actor: reader });
    await owner.query(`REVOKE INSERT ON "AuditLog" FROM ${role()}`);
    // Served: the failure is not known yet when the read is recorded.
    await expect(caller.worklist.list(noFilter)).resolves.toEqual([]);
    await flushReadAudits();
    expect(await auditedReads()).toBe(0);

    const refused = await caller.worklist.list(noFilter).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect(getHTTPStatusCodeFromError(refused as TRPCError)).toBe(503);
    expect((refused as TRPCError).message).toMatch(/read audit cannot be written/);

    await owner.query(`GRANT INSERT ON "AuditLog" TO ${role()}`);
    // The buffer retries by itself; the first read's row arrives, and reads are served again.
    await vi.waitFor(async () => expect(await auditedReads()).toBe(1), { timeout: 10_000, interval: 100 });
    await expect(caller.worklist.list(noFilter)).resolves.toEqual([]);
    await flushReadAudits();
    expect(await auditedReads()).toBe(2);
  });

  it("makes shutdown wait until the rows are written", async () => {
    const caller = createCaller({ db: app, actor: reader });
    await owner.query(`REVOKE INSERT ON "AuditLog" FROM ${role()}`);
    await caller.worklist.list(noFilter);
    const before = await auditedReads();
    setTimeout(() => void owner.query(`GRANT INSERT ON "AuditLog" TO ${role()}`), 800);
    expect(await drainReadAudits(20_000)).toBe(true);
    expect(await auditedReads()).toBe(before + 1);
  });
});
