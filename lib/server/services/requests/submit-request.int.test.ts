import { describe, expect, it } from "vitest";
import { withInsKey } from "@/lib/domain/ins-key";
import { submitRequestSchema } from "@/lib/domain/submit-request-schema";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { getRequest } from "./get-request";
import { submitRequest } from "./submit-request";

const db = connectTestDb(16);

describe("submitting a request", () => {
  it("creates exactly one request under 12 concurrent retries with the same idempotency key", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const input = submitRequestSchema.parse(teleDiagnosticInput());

    const results = await Promise.all(Array.from({ length: 12 }, () => submitRequest({ db, actor: referrer, input })));

    const ids = new Set(results.map((r) => r.requestId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.readingRequest.count({ where: { requesterId: referrer.id } })).toBe(1);
    expect(await db.requestEvent.count({ where: { requestId: [...ids][0]!, type: "SUBMITTED" } })).toBe(1);
  });

  it("refuses the same key with other content and writes nothing", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const input = submitRequestSchema.parse(teleDiagnosticInput());
    await submitRequest({ db, actor: referrer, input });

    await expect(
      submitRequest({ db, actor: referrer, input: { ...input, clinicalQuestion: "Autre question" } }),
    ).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.readingRequest.count({ where: { requesterId: referrer.id } })).toBe(1);
  });

  it("records the request, its SUBMITTED event and an audit row, for the referrer's own site", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: submitRequestSchema.parse(teleDiagnosticInput()) });

    const detail = await getRequest({ db, actor: referrer, requestId });
    expect(detail.site.id).toBe(site.id);
    expect(detail.status).toBe("SUBMITTED");
    expect(detail.timeline).toHaveLength(1);
    expect(detail.timeline[0]).toMatchObject({ type: "SUBMITTED", toStatus: "SUBMITTED", actor: { id: referrer.id } });
    const audits = await db.auditLog.findMany({ where: { entityId: requestId }, select: { action: true, actorId: true } });
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "REQUEST_SUBMITTED", actorId: referrer.id },
        { action: "REQUEST_READ", actorId: referrer.id },
      ]),
    );
  });

  it("keeps the identity status with the INS, and drops a status given without an INS", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const ins = withInsKey("1800175123456");
    const patient = (extra: object) => ({ ...teleDiagnosticInput().patient, ...extra });
    const qualified = await submitRequest({ db, actor: referrer, input: submitRequestSchema.parse(teleDiagnosticInput({ patient: patient({ ins, insStatus: "QUALIFIED" }), priorResults: "Scanner 2025 normal" })) });
    const statusOnly = await submitRequest({ db, actor: referrer, input: submitRequestSchema.parse(teleDiagnosticInput({ patient: patient({ insStatus: "QUALIFIED" }) })) });

    const detail = await getRequest({ db, actor: referrer, requestId: qualified.requestId });
    expect(detail.patientIdentity).toMatchObject({ ins, insStatus: "QUALIFIED" });
    const rows = await db.readingRequest.findMany({ where: { id: { in: [qualified.requestId, statusOnly.requestId] } }, select: { id: true, patientInsStatus: true, priorResults: true } });
    expect(rows.find((r) => r.id === qualified.requestId)).toMatchObject({ patientInsStatus: "QUALIFIED", priorResults: "Scanner 2025 normal" });
    expect(rows.find((r) => r.id === statusOnly.requestId)?.patientInsStatus).toBeNull();
  });

  it("refuses a submission from a radiologist", async () => {
    const site = await createSite(db);
    const radiologist = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id);
    await expect(
      submitRequest({ db, actor: radiologist, input: submitRequestSchema.parse(teleDiagnosticInput()) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the legal trace", () => {
  it("refuses to rewrite or delete a request's events and audit rows", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: submitRequestSchema.parse(teleDiagnosticInput()) });

    await expect(db.requestEvent.updateMany({ where: { requestId }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.requestEvent.deleteMany({ where: { requestId } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({ where: { entityId: requestId } })).rejects.toThrow(/append-only/);
    expect(await db.requestEvent.count({ where: { requestId } })).toBe(1);
  });
});
