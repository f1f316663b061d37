import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// What the server's own database role may not do to the legal trace, on the run's real
// PostgreSQL with the grants npm start gives (integration-global-setup.ts applies them).

let app: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await app.connect();
});
afterAll(() => app.end());

const refusal = (sql: string) => app.query(sql).then(() => null, (error: { code?: string; message: string }) => error);

describe("the run-time database role", () => {
  it("is not a superuser and owns no table", async () => {
    const { rows } = await app.query<{ rolsuper: boolean; owned: string }>(
      `SELECT rolsuper, (SELECT count(*) FROM pg_class WHERE relowner = r.oid AND relkind = 'r')::text AS owned FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, owned: "0" });
  });

  it("cannot silence triggers: neither session_replication_role nor DISABLE TRIGGER", async () => {
    expect(await refusal(`SET session_replication_role = replica`)).toMatchObject({ code: "42501" });
    expect(await refusal(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toMatchObject({ code: "42501", message: expect.stringMatching(/must be owner/) });
    expect(await refusal(`ALTER TABLE "AuditSeal" DISABLE TRIGGER ALL`)).toMatchObject({ code: "42501" });
  });

  it("may append to the audit log and its chain, never rewrite or empty them", async () => {
    const { rows } = await app.query<{ id: string }>(`INSERT INTO "AuditLog" ("action", "entityType") VALUES ('SIGN_IN', 'User') RETURNING "id"::text`);
    expect(rows).toHaveLength(1);
    // Refused for want of the right itself (42501 permission denied), not only by the trigger.
    for (const table of ["AuditLog", "AuditSeal", "RequestEvent"]) {
      expect(await refusal(`UPDATE "${table}" SET "${table === "AuditSeal" ? "hash" : "id"}" = "${table === "AuditSeal" ? "hash" : "id"}"`)).toMatchObject({ code: "42501", message: expect.stringMatching(/permission denied/) });
      expect(await refusal(`DELETE FROM "${table}"`)).toMatchObject({ code: "42501", message: expect.stringMatching(/permission denied/) });
      expect(await refusal(`TRUNCATE "${table}"`)).toMatchObject({ code: "42501", message: expect.stringMatching(/permission denied/) });
    }
  });

  it("reads and writes the product's other tables, but not the migrations' record", async () => {
    await expect(app.query(`UPDATE "Site" SET "name" = "name" WHERE false`)).resolves.toBeDefined();
    await expect(app.query(`DELETE FROM "UserSession" WHERE false`)).resolves.toBeDefined();
    expect(await refusal(`SELECT 1 FROM "_prisma_migrations"`)).toMatchObject({ code: "42501" });
    expect(await refusal(`CREATE TABLE "intruder" ("id" int)`)).toMatchObject({ code: "42501" });
  });
});
