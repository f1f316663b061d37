import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import type { RequestType } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import type { Hint } from "@/lib/domain/realtime-hints";
import { reportFingerprint } from "@/lib/domain/reports/report-fingerprint";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { setHintPublisher } from "../../realtime/publish";
import { createCaller } from "../../trpc/app-router";
import { errorShapeData } from "../../trpc/error-mapping";
import { insertRequests } from "../assignment/assignment-test-kit";
import { listMyRequests } from "../portal/list-my-requests";
import { acknowledgeReport } from "./acknowledge-report";
import { loadSignedVersions } from "./load-signed-versions";
import { recordReportOpened } from "./open-report";

const db = connectTestDb(6);

// Hints published by the services (after commit), to check that the radiologist's screen is told.
const hints: Hint[] = [];
setHintPublisher({ publish: (_rooms, hint) => hints.push(hint) });
afterEach(() => {
  hints.length = 0;
});
const changed = (requestId: string) => hints.filter((hint) => hint.kind === "request.changed" && hint.requestId === requestId).length;

async function territory() {
  const [site, otherSite] = await Promise.all([createSite(db), createSite(db, "Autre site")]);
  const [referrer, colleague, foreignReferrer, radiologist] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "REFERRER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "REFERRER", siteId: otherSite.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: "Dr Radiologue Test" }).then((u) => actorOf(db, u.id)),
  ]);
  const template = await db.reportTemplate.create({
    data: { code: `TEST-${randomUUID()}`, version: 1, title: "TDM cérébrale", purpose: "REPORT", definition: { sections: [] } },
    select: { id: true },
  });
  return { site, otherSite, referrer, colleague, foreignReferrer, radiologist, templateId: template.id };
}
type Territory = Awaited<ReturnType<typeof territory>>;

/** A signed version and its delivery, inserted as signing writes them (fingerprint included). */
async function insertSignedVersion(
  t: Territory,
  args: { requestId: string; sequence: number; narrative: string; conclusion: string; previousFingerprint: string | null; signedAt: Date },
) {
  const id = randomUUID();
  const kind = args.sequence === 0 ? ("ORIGINAL" as const) : ("ADDENDUM" as const);
  const values = { findings: args.narrative, conclusion: args.conclusion };
  const signer = t.radiologist;
  const fingerprint = reportFingerprint({
    requestId: args.requestId,
    sequence: args.sequence,
    kind,
    templateId: t.templateId,
    values,
    narrative: args.narrative,
    conclusion: args.conclusion,
    signerId: signer.id,
    signerName: signer.displayName,
    signedAt: args.signedAt,
    previousFingerprint: args.previousFingerprint,
  });
  await db.reportVersion.create({
    data: {
      id,
      requestId: args.requestId,
      sequence: args.sequence,
      kind,
      templateId: t.templateId,
      values,
      createdById: signer.id,
      updatedById: signer.id,
      narrative: args.narrative,
      conclusion: args.conclusion,
      signedById: signer.id,
      signerName: signer.displayName,
      signedAt: args.signedAt,
      fingerprint,
      previousFingerprint: args.previousFingerprint,
    },
  });
  await db.reportDelivery.create({ data: { reportVersionId: id, requestId: args.requestId, recipientId: t.referrer.id, deliveredAt: args.signedAt } });
  return { id, fingerprint };
}

/** A request of the territory's referrer, signed and delivered (and its addendum when asked). */
async function deliveredRequest(t: Territory, options: { addendum?: boolean; type?: RequestType } = {}) {
  const [requestId] = await insertRequests(db, { siteId: t.site.id, requesterId: t.referrer.id, holderId: t.radiologist.id, priority: "URGENT" });
  if (!requestId) throw new Error("no request");
  if (options.type) await db.readingRequest.update({ where: { id: requestId }, data: { type: options.type } });
  const signedAt = new Date(Date.now() - 60_000);
  const original = await insertSignedVersion(t, { requestId, sequence: 0, narrative: "Pas d'hémorragie.\nPas d'effet de masse.", conclusion: "Examen normal.", previousFingerprint: null, signedAt });
  await db.readingRequest.update({ where: { id: requestId }, data: { status: "DELIVERED" } });
  const addendum = options.addendum
    ? await insertSignedVersion(t, {
        requestId,
        sequence: 1,
        narrative: "Pas d'hémorragie.\nHypodensité lenticulaire droite.",
        conclusion: "AVC ischémique débutant.",
        previousFingerprint: original.fingerprint,
        signedAt: new Date(signedAt.getTime() + 30_000),
      })
    : null;
  return { requestId, original, addendum };
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const requestRow = (id: string) => db.readingRequest.findUniqueOrThrow({ where: { id }, select: { status: true, reportFirstOpenedAt: true } });
const eventsOf = (requestId: string, type: "REPORT_OPENED" | "ADDENDUM_ACKNOWLEDGED" | "STATUS_CHANGED") =>
  db.requestEvent.findMany({ where: { requestId, type }, select: { actorId: true, reason: true, fromStatus: true, toStatus: true }, orderBy: { id: "asc" } });
const auditsOf = (requestId: string, action: string) => db.auditLog.count({ where: { entityId: requestId, action } });

describe("delivery of a signed report to its requester", () => {
  it("maps the signed versions with their signer, fingerprint and delivery, oldest first", async () => {
    const t = await territory();
    const { requestId, original, addendum } = await deliveredRequest(t, { addendum: true });
    const versions = await loadSignedVersions(db, requestId);
    expect(versions.map((v) => [v.sequence, v.kind, v.fingerprint, v.previousFingerprint])).toEqual([
      [0, "ORIGINAL", original.fingerprint, null],
      [1, "ADDENDUM", addendum?.fingerprint, original.fingerprint],
    ]);
    expect(versions[0]).toMatchObject({
      template: { id: t.templateId, title: "TDM cérébrale", purpose: "REPORT", version: 1 },
      signer: { id: t.radiologist.id, name: "Dr Radiologue Test" },
      conclusion: "Examen normal.",
      delivery: { recipient: { id: t.referrer.id }, firstOpenedAt: null, acknowledgedAt: null, acknowledgedBy: null },
    });
  });

  it("records the requester's first opening once, with its event, and tells the radiologist", async () => {
    const t = await territory();
    const { requestId } = await deliveredRequest(t);

    expect(await recordReportOpened({ db, actor: t.referrer, requestId })).toEqual({ recorded: true });
    const first = await requestRow(requestId);
    expect(first.reportFirstOpenedAt).toBeInstanceOf(Date);
    expect(await eventsOf(requestId, "REPORT_OPENED")).toEqual([{ actorId: t.referrer.id, reason: "v0", fromStatus: null, toStatus: null }]);
    const [version] = await loadSignedVersions(db, requestId);
    expect(version?.delivery?.firstOpenedAt?.getTime()).toBe(first.reportFirstOpenedAt?.getTime());
    expect(await auditsOf(requestId, "REPORT_OPENED")).toBe(1);
    expect(changed(requestId)).toBe(1);

    // Opened again (a reload, another tab): nothing new, but the read is still in the audit trail.
    expect(await recordReportOpened({ db, actor: t.referrer, requestId })).toEqual({ recorded: false });
    expect((await requestRow(requestId)).reportFirstOpenedAt?.getTime()).toBe(first.reportFirstOpenedAt?.getTime());
    expect(await eventsOf(requestId, "REPORT_OPENED")).toHaveLength(1);
    expect(await auditsOf(requestId, "REPORT_READ")).toBe(1);
    expect(changed(requestId)).toBe(1);
  });

  it("does not count someone else's opening as the requester's, and hides a foreign site's request", async () => {
    const t = await territory();
    const { requestId } = await deliveredRequest(t);
    expect(await recordReportOpened({ db, actor: t.radiologist, requestId })).toEqual({ recorded: false });
    expect(await recordReportOpened({ db, actor: t.colleague, requestId })).toEqual({ recorded: false });
    expect((await requestRow(requestId)).reportFirstOpenedAt).toBeNull();
    expect(await eventsOf(requestId, "REPORT_OPENED")).toEqual([]);
    expect(await auditsOf(requestId, "REPORT_READ")).toBe(2);
    expect((await appError(recordReportOpened({ db, actor: t.foreignReferrer, requestId }))).code).toBe("NOT_FOUND");
    expect(changed(requestId)).toBe(0);
  });

  it("moves the request to ACKNOWLEDGED when the requester confirms reading the original, once", async () => {
    const t = await territory();
    const { requestId, original } = await deliveredRequest(t);

    const done = await acknowledgeReport({ db, actor: t.referrer, requestId, versionId: original.id });
    expect(done).toEqual({ requestId, versionId: original.id, acknowledged: true, alreadyAcknowledged: false, status: "ACKNOWLEDGED" });
    expect((await requestRow(requestId)).status).toBe("ACKNOWLEDGED");
    expect(await eventsOf(requestId, "STATUS_CHANGED")).toEqual([{ actorId: t.referrer.id, reason: null, fromStatus: "DELIVERED", toStatus: "ACKNOWLEDGED" }]);
    expect(await auditsOf(requestId, "REPORT_ACKNOWLEDGED")).toBe(1);
    expect(await auditsOf(requestId, "REQUEST_TRANSITION")).toBe(1);
    const [version] = await loadSignedVersions(db, requestId);
    expect(version?.delivery).toMatchObject({ acknowledgedBy: { id: t.referrer.id, name: t.referrer.displayName } });
    expect(version?.delivery?.acknowledgedAt).toBeInstanceOf(Date);
    expect(changed(requestId)).toBe(1);

    // A double click: told it is already done, nothing written twice.
    const again = await acknowledgeReport({ db, actor: t.referrer, requestId, versionId: original.id });
    expect(again).toMatchObject({ acknowledged: false, alreadyAcknowledged: true, status: "ACKNOWLEDGED" });
    expect(await eventsOf(requestId, "STATUS_CHANGED")).toHaveLength(1);
    expect(await auditsOf(requestId, "REPORT_ACKNOWLEDGED")).toBe(1);
    expect(changed(requestId)).toBe(1);
  });

  it("lets only the requester acknowledge: a colleague is refused, another site does not see it, another request's version is not found", async () => {
    const t = await territory();
    const { requestId, original } = await deliveredRequest(t);
    const other = await deliveredRequest(t);

    expect((await appError(acknowledgeReport({ db, actor: t.colleague, requestId, versionId: original.id }))).code).toBe("FORBIDDEN");
    expect((await appError(acknowledgeReport({ db, actor: t.radiologist, requestId, versionId: original.id }))).code).toBe("FORBIDDEN");
    expect((await appError(acknowledgeReport({ db, actor: t.foreignReferrer, requestId, versionId: original.id }))).code).toBe("NOT_FOUND");
    expect((await appError(acknowledgeReport({ db, actor: t.referrer, requestId, versionId: other.original.id }))).code).toBe("NOT_FOUND");
    expect((await appError(acknowledgeReport({ db, actor: t.referrer, requestId, versionId: randomUUID() }))).code).toBe("NOT_FOUND");

    expect((await requestRow(requestId)).status).toBe("DELIVERED");
    expect((await requestRow(other.requestId)).status).toBe("DELIVERED");
    expect(await db.reportDelivery.count({ where: { requestId: { in: [requestId, other.requestId] }, acknowledgedAt: { not: null } } })).toBe(0);
    expect(await eventsOf(requestId, "STATUS_CHANGED")).toEqual([]);
  });

  it("acknowledges an addendum with its own event and leaves the status as it is", async () => {
    const t = await territory();
    const { requestId, addendum } = await deliveredRequest(t, { addendum: true });
    if (!addendum) throw new Error("no addendum");

    const done = await acknowledgeReport({ db, actor: t.referrer, requestId, versionId: addendum.id });
    expect(done).toMatchObject({ acknowledged: true, status: "DELIVERED" });
    expect((await requestRow(requestId)).status).toBe("DELIVERED");
    expect(await eventsOf(requestId, "ADDENDUM_ACKNOWLEDGED")).toEqual([{ actorId: t.referrer.id, reason: "v1", fromStatus: null, toStatus: null }]);
    expect(await eventsOf(requestId, "STATUS_CHANGED")).toEqual([]);
    expect(await auditsOf(requestId, "REPORT_ACKNOWLEDGED")).toBe(1);

    // Both versions opened at once when the requester views the report: one event each.
    expect(await recordReportOpened({ db, actor: t.referrer, requestId })).toEqual({ recorded: true });
    expect((await eventsOf(requestId, "REPORT_OPENED")).map((e) => e.reason)).toEqual(["v0", "v1"]);
  });
});

describe("the referrer's requests", () => {
  it("lists only the requester's own requests, newest first, with what awaits them, and filters", async () => {
    const t = await territory();
    const [waiting] = await insertRequests(db, { siteId: t.site.id, requesterId: t.referrer.id, submittedAt: new Date(Date.now() - 3 * 3_600_000) });
    await insertRequests(db, { siteId: t.site.id, requesterId: t.colleague.id });
    const delivered = await deliveredRequest(t, { addendum: true });
    await db.criticalFinding.create({
      data: { requestId: delivered.requestId, category: "MINUTES", description: "Hypodensité", flaggedById: t.radiologist.id, flaggedAt: new Date() },
    });
    const acknowledged = await deliveredRequest(t);
    await recordReportOpened({ db, actor: t.referrer, requestId: acknowledged.requestId });
    await acknowledgeReport({ db, actor: t.referrer, requestId: acknowledged.requestId, versionId: acknowledged.original.id });

    const all = await listMyRequests({ db, actor: t.referrer, input: { filter: "ALL", limit: 30 } });
    expect(new Set(all.items.map((row) => row.id))).toEqual(new Set([waiting, delivered.requestId, acknowledged.requestId]));
    expect(all.items.at(-1)?.id).toBe(waiting);
    const row = (id: string | undefined) => all.items.find((item) => item.id === id);
    expect(row(waiting)).toMatchObject({ status: "SUBMITTED", signedAt: null, addendumCount: 0, latestDelivery: null, hasUnacknowledgedReport: false, criticalOpen: 0 });
    expect(row(delivered.requestId)).toMatchObject({
      status: "DELIVERED",
      addendumCount: 1,
      hasUnacknowledgedReport: true,
      criticalOpen: 1,
      latestDelivery: { firstOpenedAt: null, acknowledgedAt: null },
      holder: { id: t.radiologist.id },
      site: { id: t.site.id },
    });
    expect(row(delivered.requestId)?.signedAt).toBeInstanceOf(Date);
    expect(row(acknowledged.requestId)).toMatchObject({ status: "ACKNOWLEDGED", hasUnacknowledgedReport: false, criticalOpen: 0 });
    expect(row(acknowledged.requestId)?.latestDelivery?.acknowledgedAt).toBeInstanceOf(Date);

    const toRead = await listMyRequests({ db, actor: t.referrer, input: { filter: "TO_ACKNOWLEDGE", limit: 30 } });
    expect(toRead.items.map((item) => item.id)).toEqual([delivered.requestId]);
    const awaiting = await listMyRequests({ db, actor: t.referrer, input: { filter: "AWAITING_REPORT", limit: 30 } });
    expect(awaiting.items.map((item) => item.id)).toEqual([waiting]);

    // Page by page, nothing missed and nothing twice.
    const first = await listMyRequests({ db, actor: t.referrer, input: { filter: "ALL", limit: 2 } });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const second = await listMyRequests({ db, actor: t.referrer, input: { filter: "ALL", limit: 2, cursor: first.nextCursor } });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));
    expect(second.nextCursor).toBeNull();

    await flushReadAudits();
    expect(await db.auditLog.count({ where: { actorId: t.referrer.id, action: "MY_REQUESTS_READ" } })).toBe(5);
    // A colleague's cursor is not theirs to page from.
    expect((await appError(listMyRequests({ db, actor: t.colleague, input: { filter: "ALL", limit: 2, cursor: waiting } }))).code).toBe("NOT_FOUND");
  });
});

describe("bad input to the portal", () => {
  async function failure(promise: Promise<unknown>) {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const data = errorShapeData(error as TRPCError);
    return { status: getHTTPStatusCodeFromError(error as TRPCError), fieldErrors: data.fieldErrors, appCode: data.appCode };
  }

  it("answers 400 with the field at fault, 403 to the wrong role, and changes nothing", async () => {
    const t = await territory();
    const { requestId, original } = await deliveredRequest(t);
    const asReferrer = createCaller({ db, actor: t.referrer });
    const asRadiologist = createCaller({ db, actor: t.radiologist as Actor });

    expect(await failure(asReferrer.portal.acknowledge({ requestId: "x", versionId: "y" }))).toMatchObject({
      status: 400,
      fieldErrors: { requestId: "validation.id", versionId: "validation.id" },
    });
    expect(await failure(asReferrer.portal.acknowledge({ requestId } as never))).toMatchObject({ status: 400, fieldErrors: { versionId: "validation.id" } });
    expect(await failure(asReferrer.portal.myRequests({ limit: 1000 }))).toMatchObject({ status: 400, fieldErrors: { limit: "validation.range" } });
    expect(await failure(asReferrer.portal.myRequests({ filter: "SOME" as never }))).toMatchObject({ status: 400, fieldErrors: { filter: "validation.choose" } });
    expect(await failure(asReferrer.portal.myRequests({ cursor: "abc" }))).toMatchObject({ status: 400, fieldErrors: { cursor: "validation.id" } });
    expect(await failure(asReferrer.portal.openReport({ requestId: 42 } as never))).toMatchObject({ status: 400, fieldErrors: { requestId: "validation.id" } });
    expect(await failure(asRadiologist.portal.acknowledge({ requestId, versionId: original.id }))).toMatchObject({ status: 403 });
    expect(await failure(asRadiologist.portal.myRequests({}))).toMatchObject({ status: 403 });
    expect(await failure(createCaller({ db, actor: t.foreignReferrer }).portal.acknowledge({ requestId, versionId: original.id }))).toMatchObject({ status: 404 });

    expect((await requestRow(requestId)).status).toBe("DELIVERED");
    expect(await db.reportDelivery.count({ where: { requestId, acknowledgedAt: { not: null } } })).toBe(0);

    // And through the same door, the right call works.
    expect(await asReferrer.portal.acknowledge({ requestId, versionId: original.id })).toMatchObject({ acknowledged: true, status: "ACKNOWLEDGED" });
  });
});
