import { TRPCError } from "@trpc/server";
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";

// The sites' C-MOVE destinations through the tRPC procedures the /admin page calls: ADMIN only,
// a precise 400 naming the field, an AE title once per site, an audit row per change.

const db = connectTestDb();

async function setup() {
  const site = await createSite(db);
  const [admin, head, radiographer] = await Promise.all([
    createUser(db, { role: "ADMIN" }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }),
  ]);
  return {
    site,
    adminId: admin.id,
    admin: createCaller({ db, actor: await actorOf(db, admin.id) }),
    head: createCaller({ db, actor: await actorOf(db, head.id) }),
    radiographer: createCaller({ db, actor: await actorOf(db, radiographer.id) }),
  };
}

const ae = () => `CONS_${randomBytes(4).toString("hex").toUpperCase()}`;
const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
};

describe("C-MOVE destinations in /admin", () => {
  it("adds, lists, edits and deactivates a destination, each change audited with before and after", async () => {
    const { admin, adminId, site } = await setup();
    const aeTitle = ae();
    const { id } = await admin.moveDestinations.create({ siteId: site.id, label: " Console scanner ", aeTitle: ` ${aeTitle} `, host: "10.1.2.3", port: "104" });
    expect((await admin.moveDestinations.list()).find((row) => row.id === id)).toEqual({ id, siteId: site.id, siteName: site.name, label: "Console scanner", aeTitle, host: "10.1.2.3", port: 104, active: true });

    await admin.moveDestinations.update({ id, label: "Console", aeTitle, host: "pacs.chu.example", port: 11112, active: false });
    expect(await db.dicomMoveDestination.findUniqueOrThrow({ where: { id }, select: { label: true, host: true, port: true, active: true } })).toEqual({ label: "Console", host: "pacs.chu.example", port: 11112, active: false });

    const audit = await db.auditLog.findMany({ where: { action: "DICOM_MOVE_DESTINATION_CHANGED", entityId: id }, orderBy: { id: "asc" }, select: { actorId: true, siteId: true, entityType: true, detail: true } });
    expect(audit).toEqual([
      { actorId: adminId, siteId: site.id, entityType: "DicomMoveDestination", detail: { before: null, after: { label: "Console scanner", aeTitle, host: "10.1.2.3", port: 104, active: true } } },
      {
        actorId: adminId,
        siteId: site.id,
        entityType: "DicomMoveDestination",
        detail: { before: { label: "Console scanner", aeTitle, host: "10.1.2.3", port: 104, active: true }, after: { label: "Console", aeTitle, host: "pacs.chu.example", port: 11112, active: false } },
      },
    ]);
  });

  it("answers a 400 naming the field at fault, and an AE title already used at the site, writing nothing", async () => {
    const { admin, site } = await setup();
    const good = { siteId: site.id, label: "PACS", aeTitle: ae(), host: "10.0.0.1", port: 104 };
    await expect(admin.moveDestinations.create({ ...good, aeTitle: "WAY_TOO_LONG_AE_TITLE" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "aeTitle", problem: "AE_TOO_LONG" } } });
    await expect(admin.moveDestinations.create({ ...good, port: 70000 })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "port", problem: "PORT_RANGE" } } });
    await expect(admin.moveDestinations.create({ ...good, host: "pacs_01" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "host", problem: "HOST_INVALID" } } });
    expect(await codeOf(admin.moveDestinations.create({ ...good, siteId: randomUUID() }))).toBe("NOT_FOUND");
    expect(await db.dicomMoveDestination.count({ where: { siteId: site.id } })).toBe(0);

    const first = await admin.moveDestinations.create(good);
    await expect(admin.moveDestinations.create({ ...good, label: "Again" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "aeTitle", problem: "AE_TAKEN" } } });
    const second = await admin.moveDestinations.create({ ...good, aeTitle: ae() });
    await expect(admin.moveDestinations.update({ id: second.id, ...good, active: true })).rejects.toMatchObject({ cause: { details: { problem: "AE_TAKEN" } } });
    // The same AE title at another site is another destination.
    const other = await createSite(db);
    expect(await codeOf(admin.moveDestinations.create({ ...good, siteId: other.id }))).toBe("OK");
    expect(await codeOf(admin.moveDestinations.update({ id: randomUUID(), ...good, active: true }))).toBe("NOT_FOUND");
    expect((await db.dicomMoveDestination.findUniqueOrThrow({ where: { id: first.id } })).label).toBe("PACS");
  });

  it("is the administrator's only", async () => {
    const { head, radiographer, site } = await setup();
    const input = { siteId: site.id, label: "PACS", aeTitle: ae(), host: "10.0.0.1", port: 104 };
    for (const caller of [head, radiographer]) {
      expect(await codeOf(caller.moveDestinations.list())).toBe("FORBIDDEN");
      expect(await codeOf(caller.moveDestinations.create(input))).toBe("FORBIDDEN");
    }
  });
});
