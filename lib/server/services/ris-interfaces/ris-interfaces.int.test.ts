import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";

// The administrator's RIS interfaces, through the tRPC procedures as /admin calls them: the
// service account made in the same transaction, precise 400s naming the field, audit rows,
// ADMIN only.

const db = connectTestDb(4);

async function setup() {
  const site = await createSite(db, "CH Sud");
  const [admin, head, referrer] = await Promise.all([createUser(db, { role: "ADMIN" }), createUser(db, { role: "DEPARTMENT_HEAD" }), createUser(db, { role: "REFERRER", siteId: site.id })]);
  return {
    site,
    adminId: admin.id,
    admin: createCaller({ db, actor: await actorOf(db, admin.id) }),
    head: createCaller({ db, actor: await actorOf(db, head.id) }),
    referrer: createCaller({ db, actor: await actorOf(db, referrer.id) }),
  };
}

const input = (siteId: string, overrides: Record<string, unknown> = {}) => ({
  siteId,
  label: "Xplore CH Sud",
  sendingApplication: `XPLORE${randomUUID().slice(0, 8)}`,
  sendingFacility: "CHSUD",
  allowedNetworks: ["10.20.0.0/16", " 192.168.1.20/32 "],
  outboundHost: "ris.ch-sud.local",
  outboundPort: 6661,
  receivingApplication: "XPLORE",
  receivingFacility: "CHSUD",
  ...overrides,
});

const failure = async (call: Promise<unknown>) => {
  try {
    await call;
    return null;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { details?: unknown; issues?: { path: unknown[]; message: string }[] } | undefined;
    return { code: error.code, details: cause?.details ?? null, issues: cause?.issues?.map((issue) => [issue.path.join("."), issue.message]) ?? null };
  }
};

describe("RIS interfaces in /admin", () => {
  it("creates an interface with its service account: a REFERRER of the site, inactive, without password, under a reserved address", async () => {
    const { admin, adminId, site } = await setup();
    const created = await admin.risInterfaces.create(input(site.id));
    expect(created).toMatchObject({ siteId: site.id, siteName: site.name, label: "Xplore CH Sud", allowedNetworks: ["10.20.0.0/16", "192.168.1.20"], admitsAnyAddress: false, active: true, outboundPort: 6661 });
    const user = await db.user.findUniqueOrThrow({ where: { id: created.serviceUser.id }, select: { role: true, siteId: true, active: true, passwordHash: true, email: true, displayName: true } });
    expect(user).toMatchObject({ role: "REFERRER", siteId: site.id, active: false, passwordHash: null, displayName: "RIS Xplore CH Sud" });
    expect(user.email).toMatch(/^ris-[0-9a-f-]{36}@interfaces\.invalid$/);
    expect(await db.auditLog.count({ where: { action: "RIS_INTERFACE_CREATED", entityId: created.id, actorId: adminId } })).toBe(1);

    // The accounts list shows it as an interface; it cannot be reactivated (it would get a sign-in link).
    const account = (await admin.accounts.list()).find((row) => row.id === created.serviceUser.id);
    expect(account).toMatchObject({ interfaceAccount: true, active: false });
    expect(await failure(admin.accounts.setActive({ userId: created.serviceUser.id, active: true }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a second interface with the same MSH-3/MSH-4 pair, naming the field, and leaves no orphan account", async () => {
    const { admin, site } = await setup();
    const first = input(site.id);
    await admin.risInterfaces.create(first);
    const before = await db.user.count();
    expect(await failure(admin.risInterfaces.create({ ...first, label: "Doublon" }))).toMatchObject({ code: "BAD_REQUEST", details: { field: "sendingFacility", problem: "DUPLICATE_PAIR" } });
    expect(await db.user.count({ where: { displayName: "RIS Doublon" } })).toBe(0);
    expect(await db.user.count()).toBeGreaterThanOrEqual(before);
  });

  it("answers a precise 400 for a bad address, port or host, and for an unknown site", async () => {
    const { admin, site } = await setup();
    expect(await failure(admin.risInterfaces.create(input(site.id, { allowedNetworks: ["10.0.0.1/8"] })))).toMatchObject({ code: "BAD_REQUEST", details: { field: "allowedNetworks", entry: "10.0.0.1/8", problem: "HOST_BITS" } });
    expect(await failure(admin.risInterfaces.create(input(site.id, { outboundPort: 70000 })))).toMatchObject({ code: "BAD_REQUEST", issues: [["outboundPort", "ris.validation.port"]] });
    expect(await failure(admin.risInterfaces.create(input(site.id, { outboundHost: "ris host" })))).toMatchObject({ code: "BAD_REQUEST", issues: [["outboundHost", "ris.validation.host"]] });
    expect(await failure(admin.risInterfaces.create(input(site.id, { sendingApplication: "A|B" })))).toMatchObject({ code: "BAD_REQUEST", issues: [["sendingApplication", "ris.validation.delimiters"]] });
    expect(await failure(admin.risInterfaces.create(input(randomUUID())))).toMatchObject({ code: "BAD_REQUEST", details: { field: "siteId", problem: "UNKNOWN_SITE" } });
    expect(await db.risInterface.count({ where: { siteId: site.id } })).toBe(0);
  });

  it("edits and deactivates an interface, audited with what changed", async () => {
    const { admin, adminId, site } = await setup();
    const created = await admin.risInterfaces.create(input(site.id));
    const { siteId: _siteId, ...fields } = input(site.id, { sendingApplication: created.sendingApplication });
    const saved = await admin.risInterfaces.update({ ...fields, id: created.id, active: false, label: "Xplore v2", outboundHost: "", outboundPort: null });
    expect(saved).toMatchObject({ active: false, label: "Xplore v2", outboundHost: null, outboundPort: null, serviceUser: { displayName: "RIS Xplore v2" } });
    const [audit] = await db.auditLog.findMany({ where: { action: "RIS_INTERFACE_CHANGED", entityId: created.id }, select: { actorId: true, detail: true } });
    expect(audit).toEqual({
      actorId: adminId,
      detail: { label: { before: "Xplore CH Sud", after: "Xplore v2" }, active: { before: true, after: false }, outboundHost: { before: "ris.ch-sud.local", after: null }, outboundPort: { before: 6661, after: null } },
    });
    expect(await failure(admin.risInterfaces.update({ ...fields, id: randomUUID(), active: true }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("is the administrator's only", async () => {
    const { head, referrer, site } = await setup();
    for (const caller of [head, referrer]) {
      expect(await failure(caller.risInterfaces.list())).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(caller.risInterfaces.create(input(site.id)))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await failure(createCaller({ db, actor: null }).risInterfaces.list())).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
