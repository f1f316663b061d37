import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createCaller } from "./app-router";

const db = connectTestDb();

async function callers() {
  const [site, other] = await Promise.all([createSite(db), createSite(db)]);
  const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
  const radiologist = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [other.id] })).id);
  return {
    site,
    referrer,
    asReferrer: createCaller({ db, actor: referrer }),
    asRadiologist: createCaller({ db, actor: radiologist }),
    anonymous: createCaller({ db, actor: null }),
  };
}

async function httpStatusOf(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return getHTTPStatusCodeFromError(error as TRPCError);
}

describe("bad input to every procedure", () => {
  it("answers 4xx to malformed submissions and writes nothing", async () => {
    const { asReferrer, referrer } = await callers();
    const valid = teleDiagnosticInput();
    const bad: unknown[] = [
      {},
      { ...valid, type: "SCANNER" },
      { ...valid, priority: 1 },
      { ...valid, patient: null },
      { ...valid, patient: { ...valid.patient, familyName: "" } },
      { ...valid, clinicalContext: "x".repeat(100_000) },
      { ...valid, idempotencyKey: "short" },
      { ...valid, contrast: undefined },
      "not an object",
    ];
    for (const input of bad) {
      expect(await httpStatusOf(asReferrer.requests.submit(input as never))).toBe(400);
    }
    expect(await db.readingRequest.count({ where: { requesterId: referrer.id } })).toBe(0);
  });

  it("answers 400 to a NUL or another control character in any text, and writes nothing", async () => {
    const { asReferrer, referrer } = await callers();
    const valid = teleDiagnosticInput();
    for (const input of [
      { ...valid, clinicalContext: "Chute\u0000" },
      { ...valid, patient: { ...valid.patient, familyName: "DUPONT\u001b[2J" } },
      { ...valid, clinicalQuestion: "AVC ?\u0007" },
    ]) {
      expect(await httpStatusOf(asReferrer.requests.submit(input as never))).toBe(400);
    }
    expect(await httpStatusOf(asReferrer.requests.byId({ requestId: "\u0000" }))).toBe(400);
    // Tabs and line breaks are text.
    expect(await asReferrer.requests.submit({ ...valid, clinicalContext: "Chute\tde sa hauteur\r\nSous AVK" } as never)).toMatchObject({ requestId: expect.any(String) });
    expect(await db.readingRequest.count({ where: { requesterId: referrer.id } })).toBe(1);
  });

  it("answers 400 to malformed ids, 404 to unknown and foreign ids", async () => {
    const { asReferrer, asRadiologist } = await callers();
    const { requestId } = await asReferrer.requests.submit(teleDiagnosticInput() as never);
    expect(await httpStatusOf(asReferrer.requests.byId({ requestId: "../etc/passwd" }))).toBe(400);
    expect(await httpStatusOf(asReferrer.requests.byId({ requestId: randomUUID() }))).toBe(404);
    expect(await httpStatusOf(asRadiologist.requests.byId({ requestId }))).toBe(404);
    expect(await httpStatusOf(asRadiologist.requests.claim({ requestId }))).toBe(404);
    expect(await httpStatusOf(asRadiologist.requests.release({ requestId: randomUUID() }))).toBe(404);
    expect(await httpStatusOf(asRadiologist.worklist.list({ statuses: ["NOPE"] } as never))).toBe(400);
    expect(await db.requestEvent.count({ where: { requestId, type: { not: "SUBMITTED" } } })).toBe(0);
  });

  it("refuses the wrong role with 403 and an anonymous caller with 401", async () => {
    const { asRadiologist, anonymous } = await callers();
    expect(await httpStatusOf(asRadiologist.requests.submit(teleDiagnosticInput() as never))).toBe(403);
    expect(await httpStatusOf(anonymous.worklist.list({}))).toBe(401);
  });

  it("answers 409 with the holder's name when the request is already claimed", async () => {
    const { asReferrer, site } = await callers();
    const first = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: "Dr Première" })).id);
    const second = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id);
    const { requestId } = await asReferrer.requests.submit(teleDiagnosticInput() as never);
    await createCaller({ db, actor: first }).requests.claim({ requestId });
    const error = await createCaller({ db, actor: second })
      .requests.claim({ requestId })
      .catch((e: unknown) => e);
    expect(getHTTPStatusCodeFromError(error as TRPCError)).toBe(409);
    expect((error as TRPCError).message).toContain("Dr Première");
  });
});
