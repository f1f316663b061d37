import { describe, expect, it } from "vitest";
import { addDays, instantToWallClock } from "@/lib/domain/rota/wall-clock";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createShift, createSite, createSiteGroup, createUser } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { findOnCall } from "../assignment/find-on-call";
import { addProtocolItem } from "./add-protocol-item";
import { listPriorityTargets } from "./list-priority-targets";
import { listPrivileges } from "./list-privileges";
import { listProtocolCatalogue } from "./list-protocol-catalogue";
import { removePrivilege } from "./remove-privilege";
import { setPrivilege } from "./set-privilege";
import { setProtocolItemActive } from "./set-protocol-item-active";
import { updatePriorityTargets } from "./update-priority-targets";
import { updateSiteSettings } from "./update-site-settings";

const db = connectTestDb();
const HOUR = 3_600_000;

async function territory() {
  const site = await createSite(db);
  const [admin, head, radiologist] = await Promise.all([
    createUser(db, { role: "ADMIN" }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
  ]);
  return { site, radiologistId: radiologist.id, admin: await actorOf(db, admin.id), head: await actorOf(db, head.id), radiologist: await actorOf(db, radiologist.id) };
}

describe("reading privileges with an expiry", () => {
  it("sets an expiry date; once passed, the radiologist on call is reported without privilege", async () => {
    const t = await territory();
    const now = new Date();
    await createShift(db, { radiologistId: t.radiologistId, siteIds: [t.site.id], startsAt: new Date(now.getTime() - HOUR), endsAt: new Date(now.getTime() + 8 * HOUR) });
    expect((await findOnCall({ db, siteId: t.site.id, at: now }))[0]).toMatchObject({ radiologistId: t.radiologistId, hasPrivilege: true });

    const today = instantToWallClock(now).date;
    const { expiresAt } = await setPrivilege({ db, actor: t.admin, input: { userId: t.radiologistId, siteId: t.site.id, expiresOn: addDays(today, 30) } });
    expect(expiresAt!.getTime()).toBeGreaterThan(now.getTime());
    expect((await findOnCall({ db, siteId: t.site.id, at: now }))[0]).toMatchObject({ hasPrivilege: true, privilegeExpiresAt: expiresAt });
    // Thirty-one days later the same shift (were it still running) gives no eligibility.
    expect((await findOnCall({ db, siteId: t.site.id, at: new Date(now.getTime() + 31 * 24 * HOUR) }))).toEqual([]);

    await setPrivilege({ db, actor: t.admin, input: { userId: t.radiologistId, siteId: t.site.id, expiresOn: today } });
    const [entry] = await findOnCall({ db, siteId: t.site.id, at: now });
    expect(entry).toMatchObject({ radiologistId: t.radiologistId, hasPrivilege: false, privilegeExpiresAt: null });
    expect((await actorOf(db, t.radiologistId)).readableSiteIds).not.toContain(t.site.id);
    const listed = await listPrivileges({ db, actor: t.admin });
    expect(listed.radiologists.find((r) => r.id === t.radiologistId)!.privileges).toEqual([{ siteId: t.site.id, expiresAt: expect.any(Date), expired: true }]);

    await setPrivilege({ db, actor: t.admin, input: { userId: t.radiologistId, siteId: t.site.id, expiresOn: null } });
    expect((await findOnCall({ db, siteId: t.site.id, at: now }))[0]).toMatchObject({ hasPrivilege: true, privilegeExpiresAt: null });
    await removePrivilege({ db, actor: t.admin, userId: t.radiologistId, siteId: t.site.id });
    expect((await findOnCall({ db, siteId: t.site.id, at: now }))[0]).toMatchObject({ hasPrivilege: false });
    expect(await db.auditLog.count({ where: { action: "PRIVILEGE_CHANGED", entityId: t.radiologistId, siteId: t.site.id, actorId: t.admin.id } })).toBe(4);
  });

  it("lets only an administrator change privileges", async () => {
    const t = await territory();
    const input = { userId: t.radiologistId, siteId: t.site.id, expiresOn: null };
    for (const actor of [t.head, t.radiologist]) {
      await expect(setPrivilege({ db, actor, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createCaller({ db, actor }).settings.setPrivilege(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createCaller({ db, actor: t.admin }).settings.setPrivilege({ ...input, expiresOn: "2031-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.auditLog.count({ where: { action: "PRIVILEGE_CHANGED", entityId: t.radiologistId } })).toBe(0);
  });
});

describe("site settings, escalation targets and the protocol catalogue", () => {
  it("switches auto-assignment and the patient information policy, with an audit row", async () => {
    const t = await territory();
    const group = await createSiteGroup(db);
    const after = await updateSiteSettings({ db, actor: t.admin, input: { siteId: t.site.id, autoAssign: true, patientInformationPolicy: "NOT_REQUIRED", groupId: group.id } });
    expect(after).toMatchObject({ autoAssign: true, patientInformationPolicy: "NOT_REQUIRED", groupId: group.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "SITE_SETTINGS_CHANGED", entityId: t.site.id } });
    expect(audit.detail).toMatchObject({ before: { autoAssign: false, patientInformationPolicy: "REQUIRED", groupId: null }, after: { autoAssign: true } });
    await expect(updateSiteSettings({ db, actor: t.head, input: { siteId: t.site.id, autoAssign: false, patientInformationPolicy: "REQUIRED", groupId: null } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateSiteSettings({ db, actor: t.admin, input: { siteId: t.site.id, autoAssign: false, patientInformationPolicy: "REQUIRED", groupId: crypto.randomUUID() } }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await db.site.findUniqueOrThrow({ where: { id: t.site.id }, select: { autoAssign: true } })).toEqual({ autoAssign: true });
  });

  it("has the migration's default targets, lets the head change them with an audit row, and refuses nonsense", async () => {
    const t = await territory();
    const caller = createCaller({ db, actor: t.head });
    const before = await listPriorityTargets({ db, actor: t.admin });
    expect(before.map((target) => target.priority)).toEqual(["VITAL", "URGENT", "ROUTINE"]);
    expect(before.every((target) => typeof target.escalateAfterS === "number")).toBe(true);
    const original = before.map((target) => ({ priority: target.priority, escalateAfterS: target.escalateAfterS! }));
    try {
      // ROUTINE (12 h by default) so that a concurrent escalation test is not disturbed.
      const routine = original.find((target) => target.priority === "ROUTINE")!.escalateAfterS;
      await caller.settings.updateTargets({ targets: [{ priority: "ROUTINE", escalateAfterS: routine + 60 }] });
      expect((await listPriorityTargets({ db, actor: t.head })).find((target) => target.priority === "ROUTINE")!.escalateAfterS).toBe(routine + 60);
      expect(await db.auditLog.count({ where: { action: "PRIORITY_TARGETS_CHANGED", actorId: t.head.id } })).toBe(1);
      await expect(caller.settings.updateTargets({ targets: [{ priority: "VITAL", escalateAfterS: 0 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(
        caller.settings.updateTargets({ targets: [{ priority: "VITAL", escalateAfterS: 600 }, { priority: "VITAL", escalateAfterS: 900 }] }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(updatePriorityTargets({ db, actor: t.radiologist, input: { targets: [{ priority: "VITAL", escalateAfterS: 600 }] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      // Other tests rely on the defaults.
      await updatePriorityTargets({ db, actor: t.admin, input: { targets: original } });
    }
  });

  it("adds catalogue items, refuses a duplicate code with a 4xx, and deactivates an item", async () => {
    const t = await territory();
    const item = await addProtocolItem({ db, actor: t.admin, input: { siteId: t.site.id, code: "ANGIO-TSA", label: "Angio-TDM des TSA", modality: "CT", contrast: true } });
    await expect(
      createCaller({ db, actor: t.admin }).settings.addProtocolItem({ siteId: t.site.id, code: "angio-tsa", label: "Doublon", modality: "CT", contrast: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await setProtocolItemActive({ db, actor: t.admin, itemId: item.id, active: false });
    expect(await listProtocolCatalogue({ db, actor: t.admin, siteId: t.site.id })).toEqual([{ ...item, active: false }]);
    expect(await db.auditLog.count({ where: { action: "PROTOCOL_CATALOGUE_CHANGED", siteId: t.site.id } })).toBe(2);
    await expect(addProtocolItem({ db, actor: t.head, input: { siteId: t.site.id, code: "X", label: "X", modality: "CT", contrast: false } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
