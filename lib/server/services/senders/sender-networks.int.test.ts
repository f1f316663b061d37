import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { registerAeSender } from "../../imaging/dimse/dimse-test-kit";

// The administrator's editor of senders' address allow-lists, through the tRPC procedures as
// the /admin page calls them: ADMIN only, precise 400s, canonical storage, an audit row per change.

const db = connectTestDb();

async function setup() {
  const site = await createSite(db);
  const sender = await registerAeSender(db, site.id, { allowedNetworks: ["0.0.0.0/0", "::/0"] });
  const [admin, head, radiographer] = await Promise.all([
    createUser(db, { role: "ADMIN" }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }),
  ]);
  return {
    site,
    sender,
    admin: createCaller({ db, actor: await actorOf(db, admin.id) }),
    adminId: admin.id,
    head: createCaller({ db, actor: await actorOf(db, head.id) }),
    radiographer: createCaller({ db, actor: await actorOf(db, radiographer.id) }),
  };
}

const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
};

describe("editing a sender's address allow-list", () => {
  it("lists the territory's senders for the administrator, with the ones open to any address flagged", async () => {
    const { admin, sender, site } = await setup();
    const listed = (await admin.senders.list()).find((row) => row.id === sender.id);
    expect(listed).toEqual({
      id: sender.id,
      siteId: site.id,
      siteName: site.name,
      kind: "AE_TITLE",
      label: sender.label,
      aeTitle: sender.aeTitle,
      active: true,
      allowedNetworks: ["0.0.0.0/0", "::/0"],
      admitsAnyAddress: true,
    });
  });

  it("stores the list in canonical form and audits the change with before and after", async () => {
    const { admin, adminId, sender, site } = await setup();
    const saved = await admin.senders.updateNetworks({ senderId: sender.id, allowedNetworks: ["10.20.0.0/16", " 192.168.1.20/32 ", "", "2001:DB8::/32", "10.20.0.0/16"] });
    expect(saved).toEqual({ id: sender.id, allowedNetworks: ["10.20.0.0/16", "192.168.1.20", "2001:db8::/32"] });
    expect((await admin.senders.list()).find((row) => row.id === sender.id)).toMatchObject({ admitsAnyAddress: false });
    const audit = await db.auditLog.findMany({ where: { action: "DICOM_SENDER_CHANGED", entityId: sender.id }, select: { actorId: true, siteId: true, entityType: true, detail: true } });
    expect(audit).toEqual([
      {
        actorId: adminId,
        siteId: site.id,
        entityType: "DicomSender",
        detail: { allowedNetworks: { before: ["0.0.0.0/0", "::/0"], after: ["10.20.0.0/16", "192.168.1.20", "2001:db8::/32"] } },
      },
    ]);

    // An empty list is allowed: it refuses the sender everywhere (the page says so).
    expect(await admin.senders.updateNetworks({ senderId: sender.id, allowedNetworks: [] })).toEqual({ id: sender.id, allowedNetworks: [] });
  });

  it("answers a precise 400 for an entry that is not an address or range, and 404 for an unknown sender, changing nothing", async () => {
    const { admin, sender } = await setup();
    const refused = admin.senders.updateNetworks({ senderId: sender.id, allowedNetworks: ["10.0.0.0/8", "10.1.2.3/8"] });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "allowedNetworks", entry: "10.1.2.3/8", problem: "HOST_BITS" } } });
    expect(await codeOf(admin.senders.updateNetworks({ senderId: sender.id, allowedNetworks: ["pacs.hopital.fr"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.senders.updateNetworks({ senderId: sender.id, allowedNetworks: ["10.0.0.1\u0000"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.senders.updateNetworks({ senderId: "not-a-uuid", allowedNetworks: [] }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.senders.updateNetworks({ senderId: sender.id, allowedNetworks: Array.from({ length: 33 }, (_, i) => `10.0.0.${i}`) }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.senders.updateNetworks({ senderId: randomUUID(), allowedNetworks: ["10.0.0.0/8"] }))).toBe("NOT_FOUND");
    expect((await db.dicomSender.findUniqueOrThrow({ where: { id: sender.id } })).allowedNetworks).toEqual(["0.0.0.0/0", "::/0"]);
  });

  it("is the administrator's only", async () => {
    const { head, radiographer, sender } = await setup();
    for (const caller of [head, radiographer]) {
      expect(await codeOf(caller.senders.list())).toBe("FORBIDDEN");
      expect(await codeOf(caller.senders.updateNetworks({ senderId: sender.id, allowedNetworks: ["0.0.0.0/0"] }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(createCaller({ db, actor: null }).senders.list())).toBe("UNAUTHORIZED");
  });
});
