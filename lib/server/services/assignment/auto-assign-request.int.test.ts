import { describe, expect, it } from "vitest";
import { connectTestDb } from "@/lib/testing/test-db";
import { at, HOUR, insertRequests, radiologist, shift, siteWithReferrer } from "./assignment-test-kit";
import { autoAssignRequest } from "./auto-assign-request";
import { eventReasonSentence, parseEventReasonDetail } from "@/lib/domain/assignment/event-reason-detail";

const db = connectTestDb(8);

/** A site auto-assigning, on call around `now`. */
async function territory(now: Date) {
  const { site, referrer } = await siteWithReferrer(db, { autoAssign: true });
  const onShift = async (name: string, options: { expiresAt?: Date | null; subspecialties?: ("NEURO" | "MSK")[]; role?: "PRIMARY" | "BACKUP"; startsAt?: Date; endsAt?: Date } = {}) => {
    const user = await radiologist(db, [site.id], { name, expiresAt: options.expiresAt ?? null });
    await shift(db, {
      radiologistId: user.id,
      siteIds: [site.id],
      startsAt: options.startsAt ?? at(now, -4 * HOUR),
      endsAt: options.endsAt ?? at(now, 8 * HOUR),
      role: options.role ?? "PRIMARY",
      subspecialties: options.subspecialties ?? [],
    });
    return user;
  };
  return { site, referrer, onShift };
}

describe("automatic assignment: eligibility", () => {
  it("records who was chosen and why: explanation, ASSIGNED event with a sentence, audit, notification; unacknowledged", async () => {
    const now = new Date();
    const { site, referrer, onShift } = await territory(now);
    const only = await onShift("Dr Seule");
    const [requestId] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id });

    const outcome = await autoAssignRequest({ db, requestId: requestId!, now });
    expect(outcome).toMatchObject({ kind: "ASSIGNED", holderId: only.id });

    const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId! } });
    expect(request).toMatchObject({ holderId: only.id, holdKind: "AUTO_ASSIGNED", holdAcknowledgedAt: null });
    expect(request.assignmentExplanation).toMatchObject({ context: "AUTO_ASSIGNMENT", chosenId: only.id, rule: "ONLY_ELIGIBLE" });
    const events = await db.requestEvent.findMany({ where: { requestId: requestId! } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "ASSIGNED", actorId: null });
    expect(events[0]!.reason).toBe("Attribuée automatiquement à Dr Seule : seul radiologue éligible de garde. Candidats : Dr Seule (charge 0).");
    // The codes are kept too, so a reader in English gets the sentence in English.
    const detail = parseEventReasonDetail(events[0]!.reasonDetail);
    expect(detail && eventReasonSentence(detail, "en")).toBe("Automatically assigned to Dr Seule: the only eligible radiologist on call. Candidates: Dr Seule (load 0).");
    expect(await db.auditLog.count({ where: { entityId: requestId!, action: "REQUEST_ASSIGNED" } })).toBe(1);
    expect(await db.notification.findMany({ where: { requestId: requestId! }, select: { userId: true, kind: true } })).toEqual([{ userId: only.id, kind: "ASSIGNED_TO_ME" }]);

    // The job may run again (restart, retry): nothing changes.
    expect(await autoAssignRequest({ db, requestId: requestId!, now })).toMatchObject({ kind: "SKIPPED", reason: "HELD" });
    expect(await db.requestEvent.count({ where: { requestId: requestId! } })).toBe(1);
  });

  it("stops choosing a radiologist whose privilege for the site has expired", async () => {
    const now = new Date();
    const { site, referrer, onShift } = await territory(now);
    const expiring = await onShift("Dr Expire", { expiresAt: at(now, HOUR) });
    const other = await onShift("Dr Autre");
    // The other one already holds work, so the expiring one wins while still allowed.
    await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: other.id, priority: "URGENT" });
    const [before, after] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, count: 2 });

    expect(await autoAssignRequest({ db, requestId: before!, now })).toMatchObject({ holderId: expiring.id });
    const outcome = await autoAssignRequest({ db, requestId: after!, now: at(now, HOUR) });
    expect(outcome).toMatchObject({ kind: "ASSIGNED", holderId: other.id });
    expect(outcome.kind === "ASSIGNED" && outcome.explanation.candidates.find((c) => c.id === expiring.id)).toMatchObject({ excludedBecause: "PRIVILEGE_EXPIRED" });
  });

  it("excludes radiologists off shift and those without the subspecialty the exam needs", async () => {
    const now = new Date();
    const { site, referrer, onShift } = await territory(now);
    await onShift("Dr Partie", { startsAt: at(now, -10 * HOUR), endsAt: at(now, -HOUR) });
    await onShift("Dr Demain", { startsAt: at(now, HOUR), endsAt: at(now, 9 * HOUR) });
    const msk = await onShift("Dr Ostéo", { subspecialties: ["MSK"] });
    const neuro = await onShift("Dr Neuro", { subspecialties: ["NEURO"] });
    await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: neuro.id, priority: "VITAL", count: 3 });
    const [neuroExam] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, requiredSubspecialty: "NEURO" });
    const [anyExam] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id });

    const outcome = await autoAssignRequest({ db, requestId: neuroExam!, now });
    // Dr Neuro carries 9 already, yet is the only one with the subspecialty.
    expect(outcome).toMatchObject({ kind: "ASSIGNED", holderId: neuro.id });
    if (outcome.kind !== "ASSIGNED") throw new Error("unreachable");
    expect(outcome.explanation.candidates.map((c) => [c.name, c.excludedBecause ?? null])).toEqual([
      ["Dr Neuro", null],
      ["Dr Ostéo", "MISSING_SUBSPECIALTY"],
    ]);
    expect(await autoAssignRequest({ db, requestId: anyExam!, now })).toMatchObject({ holderId: msk.id });
  });

  it("leaves the request in the pool when nobody is eligible or the site does not auto-assign", async () => {
    const now = new Date();
    const { site, referrer, onShift } = await territory(now);
    await onShift("Dr Sans", { subspecialties: ["MSK"] });
    const [neuroExam] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, requiredSubspecialty: "NEURO" });
    expect(await autoAssignRequest({ db, requestId: neuroExam!, now })).toMatchObject({ kind: "SKIPPED", reason: "NOBODY_ELIGIBLE" });

    await db.site.update({ where: { id: site.id }, data: { autoAssign: false } });
    const [plain] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id });
    expect(await autoAssignRequest({ db, requestId: plain!, now })).toMatchObject({ kind: "SKIPPED", reason: "AUTO_ASSIGN_OFF" });
    const rows = await db.readingRequest.findMany({ where: { id: { in: [neuroExam!, plain!] } }, select: { holderId: true } });
    expect(rows).toEqual([{ holderId: null }, { holderId: null }]);
    expect(await db.requestEvent.count({ where: { requestId: { in: [neuroExam!, plain!] } } })).toBe(0);
  });
});

describe("automatic assignment: load balancing", () => {
  it("balances by weighted load (vital 3, urgent 2, routine 1), then least recently assigned", async () => {
    const now = new Date();
    const { site, referrer, onShift } = await territory(now);
    const a = await onShift("Dr A");
    const b = await onShift("Dr B");
    const c = await onShift("Dr C");
    await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: a.id, priority: "VITAL", claimedAt: at(now, -3 * HOUR) });
    await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: b.id, priority: "ROUTINE", count: 2, claimedAt: at(now, -2 * HOUR) });
    const ids = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, count: 6 });

    const nameOf = new Map([[a.id, "A"], [b.id, "B"], [c.id, "C"]]);
    const chosen: (string | undefined)[] = [];
    for (const [i, id] of ids.entries()) {
      const outcome = await autoAssignRequest({ db, requestId: id, now: at(now, i * 1000) });
      if (outcome.kind !== "ASSIGNED") throw new Error(`not assigned: ${outcome.reason}`);
      chosen.push(nameOf.get(outcome.holderId));
    }
    // Loads A3 B2 C0 -> C1 -> C2 -> (B2=C2, B served longer ago) B3 -> C3 -> (all 3, A longest ago) A4 -> (B3=C3) B4.
    expect(chosen).toEqual(["C", "C", "B", "C", "A", "B"]);
    const explanation = (await db.readingRequest.findUniqueOrThrow({ where: { id: ids[2]! }, select: { assignmentExplanation: true } })).assignmentExplanation;
    expect(explanation).toMatchObject({ rule: "LEAST_RECENTLY_ASSIGNED", chosenName: "Dr B" });
  });

  it("prefers the primary on call over a less loaded backup", async () => {
    const now = new Date();
    const { site, referrer, onShift } = await territory(now);
    const primary = await onShift("Dr Titulaire");
    await onShift("Dr Renfort", { role: "BACKUP" });
    await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: primary.id, priority: "VITAL", count: 2 });
    const [id] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id });
    expect(await autoAssignRequest({ db, requestId: id!, now })).toMatchObject({ holderId: primary.id, explanation: { rule: "PRIMARY_BEFORE_BACKUP" } });
  });
});
