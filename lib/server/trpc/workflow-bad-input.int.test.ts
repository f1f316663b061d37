import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { errorShapeData } from "./error-mapping";
import { createCaller } from "./app-router";

const db = connectTestDb(6);

async function failure(promise: Promise<unknown>): Promise<{ status: number; fieldErrors: Record<string, string> | null; appCode: string | null }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  const data = errorShapeData(error as TRPCError);
  return { status: getHTTPStatusCodeFromError(error as TRPCError), fieldErrors: data.fieldErrors, appCode: data.appCode };
}

describe("bad input to the workflow's acts", () => {
  it("answers 4xx with the field at fault, 404 to foreign ids, 403 to the wrong role, and changes nothing", async () => {
    const [site, other] = await Promise.all([createSite(db), createSite(db)]);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const radiologist = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id);
    const stranger = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [other.id] })).id);
    const asReferrer = createCaller({ db, actor: referrer });
    const asRadiologist = createCaller({ db, actor: radiologist });
    const { requestId } = await asReferrer.requests.submit(teleDiagnosticInput() as never);
    await asRadiologist.requests.claim({ requestId });

    expect(await failure(asRadiologist.workflow.decideIndication({ requestId, decision: "MODIFY", reason: "Autre examen" } as never))).toMatchObject({
      status: 400,
      fieldErrors: { proposedExam: "validation.required" },
    });
    expect(await failure(asRadiologist.workflow.decideIndication({ requestId, decision: "REFUSE", reason: "  " }))).toMatchObject({ status: 400, fieldErrors: { reason: "validation.required" } });
    expect(await failure(asRadiologist.workflow.decideIndication({ requestId, decision: "MAYBE" } as never))).toMatchObject({ status: 400 });
    expect(await failure(asRadiologist.workflow.decideIndication({ requestId, decision: "REFUSE", reason: "x".repeat(5000) }))).toMatchObject({ status: 400, fieldErrors: { reason: "validation.tooLong" } });
    expect(await failure(asRadiologist.workflow.sendProtocol({ requestId, contrast: true }))).toMatchObject({ status: 400, fieldErrors: { protocolText: "validation.protocolRequired" } });
    expect(await failure(asRadiologist.workflow.sendProtocol({ requestId, protocolText: "TDM", contrast: "oui" } as never))).toMatchObject({ status: 400 });
    expect(await failure(createCaller({ db, actor: stranger }).workflow.decideIndication({ requestId, decision: "ACCEPT" }))).toMatchObject({ status: 404 });
    expect(await failure(asRadiologist.workflow.decideIndication({ requestId: randomUUID(), decision: "ACCEPT" }))).toMatchObject({ status: 404 });
    expect(await failure(asReferrer.workflow.decideIndication({ requestId, decision: "ACCEPT" }))).toMatchObject({ status: 403 });
    expect(await failure(asRadiologist.workflow.sendProtocol({ requestId, protocolText: "TDM", contrast: false }))).toMatchObject({ status: 409, appCode: "INVALID_TRANSITION" });

    const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, proposedExam: true, protocolText: true } });
    expect(request).toEqual({ status: "SUBMITTED", proposedExam: null, protocolText: null });
    expect(await db.requestEvent.count({ where: { requestId, type: "STATUS_CHANGED" } })).toBe(0);
  });
});
