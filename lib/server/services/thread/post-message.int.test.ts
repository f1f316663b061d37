import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { createCaller } from "../../trpc/app-router";
import { claimRequest } from "../requests/claim-request";
import { submitRequest } from "../requests/submit-request";
import { listThread } from "./list-thread";
import { postThreadMessage } from "./post-message";

const db = connectTestDb();

/** A site with its referrer, two radiographers, a radiologist reading for it, and a head. */
async function careTeam(type: "TELEDIAGNOSTIC" | "TELEEXPERTISE" = "TELEDIAGNOSTIC") {
  const site = await createSite(db);
  const [referrer, radiographerA, radiographerB, radiologist, head] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
  ]);
  const actors = {
    referrer: await actorOf(db, referrer.id),
    radiographerA: await actorOf(db, radiographerA.id),
    radiographerB: await actorOf(db, radiographerB.id),
    radiologist: await actorOf(db, radiologist.id),
    head: await actorOf(db, head.id),
  };
  const input = type === "TELEDIAGNOSTIC" ? teleDiagnosticRequest() : teleDiagnosticRequest({ type: "TELEEXPERTISE", expertQuestion: "Lésion évolutive ?" } as never);
  const { requestId } = await submitRequest({ db, actor: actors.referrer, input });
  return { site, requestId, ...actors };
}

async function threadNotifications(requestId: string) {
  return db.notification.findMany({ where: { requestId, kind: "THREAD_MESSAGE" }, select: { userId: true, detail: true, readAt: true } });
}

describe("the request thread", () => {
  it("keeps the participants' messages in the order they were posted, with author, role and time", async () => {
    const team = await careTeam();
    const first = await postThreadMessage({ db, actor: team.referrer, input: { requestId: team.requestId, body: "  Patiente sous anticoagulants.  " } });
    const second = await postThreadMessage({ db, actor: team.radiologist, input: { requestId: team.requestId, quickAction: "NEED_CREATININE" } });
    const third = await postThreadMessage({
      db,
      actor: team.radiographerA,
      input: { requestId: team.requestId, quickAction: "PATIENT_TRANSFERRED", body: "Parti en réanimation" },
    });

    expect(first.body).toBe("Patiente sous anticoagulants.");
    const thread = await listThread({ db, actor: team.referrer, requestId: team.requestId });
    expect(thread.canPost).toBe(true);
    expect(thread.messages.map((m) => [m.id, m.author.id, m.author.role, m.quickAction, m.body])).toEqual([
      [first.id, team.referrer.id, "REFERRER", null, "Patiente sous anticoagulants."],
      [second.id, team.radiologist.id, "RADIOLOGIST", "NEED_CREATININE", ""],
      [third.id, team.radiographerA.id, "RADIOGRAPHER", "PATIENT_TRANSFERRED", "Parti en réanimation"],
    ]);
    expect(thread.messages[0]!.author.name).toBe(team.referrer.displayName);
    const times = thread.messages.map((m) => m.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Posting is audited in its own transaction; reading is audited (buffered).
    expect(await db.auditLog.count({ where: { action: "THREAD_MESSAGE_POSTED", detail: { path: ["requestId"], equals: team.requestId } } })).toBe(3);
    await flushReadAudits();
    expect(await db.auditLog.count({ where: { action: "THREAD_READ", entityId: team.requestId, actorId: team.referrer.id } })).toBe(1);
  });

  it("lets the department head read the thread but not write in it", async () => {
    const team = await careTeam();
    await postThreadMessage({ db, actor: team.referrer, input: { requestId: team.requestId, body: "Bonjour" } });
    const thread = await listThread({ db, actor: team.head, requestId: team.requestId });
    expect(thread.canPost).toBe(false);
    expect(thread.messages).toHaveLength(1);
    await expect(postThreadMessage({ db, actor: team.head, input: { requestId: team.requestId, body: "Je passe" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.threadMessage.count({ where: { requestId: team.requestId } })).toBe(1);
  });

  it("answers a foreign site's user exactly like a missing request, and writes nothing", async () => {
    const team = await careTeam();
    const elsewhere = await createSite(db);
    const outsiders = await Promise.all([
      createUser(db, { role: "REFERRER", siteId: elsewhere.id }),
      createUser(db, { role: "RADIOGRAPHER", siteId: elsewhere.id }),
      createUser(db, { role: "RADIOLOGIST", readsFor: [elsewhere.id] }),
    ]);
    for (const outsider of outsiders) {
      const actor = await actorOf(db, outsider.id);
      const foreign = await postThreadMessage({ db, actor, input: { requestId: team.requestId, body: "Intrusion" } }).catch((e: unknown) => e);
      const missing = await postThreadMessage({ db, actor, input: { requestId: randomUUID(), body: "Intrusion" } }).catch((e: unknown) => e);
      expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "Request not found" });
      expect(missing).toMatchObject({ code: "NOT_FOUND", message: "Request not found" });
      await expect(listThread({ db, actor, requestId: team.requestId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Request not found" });
    }
    expect(await db.threadMessage.count({ where: { requestId: team.requestId } })).toBe(0);
    expect(await threadNotifications(team.requestId)).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "THREAD_MESSAGE_POSTED", actorId: { in: outsiders.map((o) => o.id) } } })).toBe(0);
  });

  it("refuses a blank message or an unknown quick action as bad input", async () => {
    const team = await careTeam();
    for (const input of [
      { requestId: team.requestId, body: "   \n\t " },
      { requestId: team.requestId },
      { requestId: team.requestId, body: "x".repeat(2001) },
      { requestId: team.requestId, quickAction: "DELETE_EVERYTHING" },
      { requestId: "not-a-uuid", body: "Bonjour" },
    ]) {
      await expect(postThreadMessage({ db, actor: team.referrer, input: input as never })).rejects.toMatchObject({ code: "BAD_INPUT" });
    }
    // Through the API too: a 400 that names the field, for the form to show.
    const asReferrer = createCaller({ db, actor: team.referrer });
    const refused = await asReferrer.thread.post({ requestId: team.requestId, body: "  " }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.threadMessage.count({ where: { requestId: team.requestId } })).toBe(0);
    // 2000 characters is the limit, not beyond.
    await postThreadMessage({ db, actor: team.referrer, input: { requestId: team.requestId, body: "x".repeat(2000) } });
  });

  it("is append-only: the database refuses to edit or delete a message", async () => {
    const team = await careTeam();
    const message = await postThreadMessage({ db, actor: team.referrer, input: { requestId: team.requestId, body: "Version d'origine" } });
    const id = BigInt(message.id);
    await expect(db.threadMessage.update({ where: { id }, data: { body: "Réécrit" } })).rejects.toThrow();
    await expect(db.threadMessage.delete({ where: { id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE "ThreadMessage" SET body = 'Réécrit' WHERE id = ${id}`)).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "ThreadMessage" WHERE id = ${id}`)).rejects.toThrow();
    expect((await db.threadMessage.findUniqueOrThrow({ where: { id } })).body).toBe("Version d'origine");
  });

  it("notifies the requester, the holder and the site's radiographers of a télédiagnostic, never the author", async () => {
    const team = await careTeam();
    const bystander = await createUser(db, { role: "RADIOLOGIST", readsFor: [team.site.id] });
    await claimRequest({ db, actor: team.radiologist, requestId: team.requestId });

    await postThreadMessage({ db, actor: team.radiologist, input: { requestId: team.requestId, quickAction: "NEED_CREATININE" } });
    const afterRadiologist = await threadNotifications(team.requestId);
    expect(afterRadiologist.map((n) => n.userId).sort()).toEqual([team.referrer.id, team.radiographerA.id, team.radiographerB.id].sort());
    expect(afterRadiologist[0]!.readAt).toBeNull();
    // The notification names the author and the quick action, never the text.
    expect(afterRadiologist[0]!.detail).toEqual({ authorName: team.radiologist.displayName, authorRole: "RADIOLOGIST", quickAction: "NEED_CREATININE" });

    await postThreadMessage({ db, actor: team.referrer, input: { requestId: team.requestId, body: "Créatinine à 80 µmol/L" } });
    const fromReferrer = (await threadNotifications(team.requestId)).filter((n) => n.detail && (n.detail as { authorName?: string }).authorName === team.referrer.displayName);
    expect(fromReferrer.map((n) => n.userId).sort()).toEqual([team.radiologist.id, team.radiographerA.id, team.radiographerB.id].sort());
    expect(JSON.stringify(fromReferrer.map((n) => n.detail))).not.toContain("µmol");
    expect(await db.notification.count({ where: { userId: bystander.id, kind: "THREAD_MESSAGE" } })).toBe(0);
  });

  it("leaves the radiographers out of a téléexpertise's notifications", async () => {
    const team = await careTeam("TELEEXPERTISE");
    await claimRequest({ db, actor: team.radiologist, requestId: team.requestId });
    await postThreadMessage({ db, actor: team.radiologist, input: { requestId: team.requestId, quickAction: "CALL_ME" } });
    expect((await threadNotifications(team.requestId)).map((n) => n.userId)).toEqual([team.referrer.id]);
  });
});
