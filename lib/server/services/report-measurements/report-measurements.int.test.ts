import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { rooms, type Hint } from "@/lib/domain/realtime-hints";
import type { SendMeasurementInput } from "@/lib/domain/reports/report-measurement-schemas";
import { connectTestDb } from "@/lib/testing/test-db";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { revokeSession, revokeUserSessions } from "../../auth/sessions/revoke-sessions";
import { setHintPublisher } from "../../realtime/publish";
import { createCaller } from "../../trpc/app-router";
import { requestReadyToRead } from "../reports/report-test-kit";
import { listReportMeasurements } from "./list-report-measurements";
import { sendMeasurementToReport } from "./send-measurement-to-report";

const db = connectTestDb(8);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

function lengthOf(requestId: string, millimetres: number, annotation: string = randomUUID()): SendMeasurementInput {
  const text = `Longueur : ${millimetres.toFixed(1).replace(".", ",")} mm`;
  return { requestId, text, measurement: { id: annotation, kind: "length", imageId: "wadors:/dicomweb/studies/1/series/2/instances/3/frames/1", values: [{ name: "length", value: millimetres, unit: "mm" }] } };
}

const sessionOf = (userId: string) => db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3_600_000) }, select: { id: true } });

describe("measurements sent from the viewer to the report", () => {
  it("are kept on the server for the holder, listed in every window, replaced when sent again, audited, and announced to the reader only", async () => {
    const t = await requestReadyToRead(db);
    const published: { rooms: readonly string[]; hint: Hint }[] = [];
    setHintPublisher({ publish: (targets, hint) => published.push({ rooms: targets, hint }) });
    const first = lengthOf(t.requestId, 42.1);
    try {
      await sendMeasurementToReport({ db, actor: t.radiologist, input: first });
      await sendMeasurementToReport({ db, actor: t.radiologist, input: lengthOf(t.requestId, 12.5) });
      // The same annotation sent again (re-measured) is one line, with its latest figure.
      await sendMeasurementToReport({ db, actor: t.radiologist, input: lengthOf(t.requestId, 43, first.measurement.id) });
    } finally {
      setHintPublisher(undefined);
    }
    const listed = await createCaller({ db, actor: t.radiologist }).reports.measurements({ requestId: t.requestId });
    expect(listed.map((m) => m.text).sort()).toEqual(["Longueur : 12,5 mm", "Longueur : 43,0 mm"]);
    expect(listed.find((m) => m.text === "Longueur : 43,0 mm")?.measurementId).toBe(first.measurement.id);

    // Ids only, to the reader's own room: their other windows refetch, nobody else hears of it.
    expect(published).toHaveLength(3);
    for (const p of published) {
      expect(p.rooms).toEqual([rooms.user(t.radiologist.id)]);
      expect(p.hint).toEqual({ kind: "report.measurements.changed", requestId: t.requestId });
    }
    expect(await db.auditLog.count({ where: { action: "REPORT_MEASUREMENT_SENT", entityId: t.requestId, actorId: t.radiologist.id } })).toBe(3);
    await flushReadAudits();
    expect(await db.auditLog.count({ where: { action: "REPORT_MEASUREMENTS_READ", entityId: t.requestId, actorId: t.radiologist.id } })).toBe(1);
  });

  it("cannot be read or written by another reader of the site, nor from another site; a foreign id answers NOT_FOUND", async () => {
    const t = await requestReadyToRead(db);
    await sendMeasurementToReport({ db, actor: t.radiologist, input: lengthOf(t.requestId, 30) });

    // A colleague reading for the same site does not hold the request: no list, no sending.
    expect(await codeOf(listReportMeasurements({ db, actor: t.colleague, requestId: t.requestId }))).toBe("NOT_HOLDER");
    expect(await codeOf(sendMeasurementToReport({ db, actor: t.colleague, input: lengthOf(t.requestId, 5) }))).toBe("NOT_HOLDER");
    // Another site's radiologist and an unknown id: the request does not exist for them.
    expect(await codeOf(listReportMeasurements({ db, actor: t.foreignRadiologist, requestId: t.requestId }))).toBe("NOT_FOUND");
    expect(await codeOf(sendMeasurementToReport({ db, actor: t.foreignRadiologist, input: lengthOf(t.requestId, 5) }))).toBe("NOT_FOUND");
    const unknown = randomUUID();
    expect(await codeOf(listReportMeasurements({ db, actor: t.radiologist, requestId: unknown }))).toBe("NOT_FOUND");
    await expect(createCaller({ db, actor: t.radiologist }).reports.sendMeasurement(lengthOf(unknown, 5))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createCaller({ db, actor: t.foreignRadiologist }).reports.measurements({ requestId: t.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The referrer sees the request but is no reader.
    await expect(createCaller({ db, actor: t.referrer }).reports.measurements({ requestId: t.requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Bad input is a 400, never a half-written row.
    await expect(createCaller({ db, actor: t.radiologist }).reports.sendMeasurement({ ...lengthOf(t.requestId, 5), text: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // Nothing was written by the refused calls; the holder still sees exactly theirs.
    expect(await db.reportMeasurement.count({ where: { requestId: t.requestId } })).toBe(1);
    expect((await listReportMeasurements({ db, actor: t.radiologist, requestId: t.requestId })).map((m) => m.text)).toEqual(["Longueur : 30,0 mm"]);

    // Taken over: the new holder starts with their own (empty) list, not the previous reader's.
    await db.readingRequest.update({ where: { id: t.requestId }, data: { holderId: t.colleague.id } });
    expect(await listReportMeasurements({ db, actor: t.colleague, requestId: t.requestId })).toEqual([]);
  });

  it("are deleted when the reader signs out or loses every session, not when they stay signed in where they are", async () => {
    const t = await requestReadyToRead(db);
    const other = await requestReadyToRead(db);
    const session = await sessionOf(t.radiologist.id);
    await sendMeasurementToReport({ db, actor: t.radiologist, input: lengthOf(t.requestId, 30) });
    await sendMeasurementToReport({ db, actor: other.radiologist, input: lengthOf(other.requestId, 31) });

    await revokeSession(db, session.id, "SIGN_OUT");
    expect(await listReportMeasurements({ db, actor: t.radiologist, requestId: t.requestId })).toEqual([]);
    // Another reader's measurements are theirs: untouched.
    expect(await listReportMeasurements({ db, actor: other.radiologist, requestId: other.requestId })).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "REPORT_MEASUREMENTS_DISCARDED", actorId: t.radiologist.id } })).toBe(1);

    // Their own password change keeps the session they work in, and their measurements.
    const kept = await sessionOf(other.radiologist.id);
    await revokeUserSessions(db, { userId: other.radiologist.id, reason: "PASSWORD_CHANGED", keep: kept.id });
    expect(await listReportMeasurements({ db, actor: other.radiologist, requestId: other.requestId })).toHaveLength(1);
    // Deactivated (every session revoked): gone.
    await revokeUserSessions(db, { userId: other.radiologist.id, reason: "DEACTIVATED" });
    expect(await listReportMeasurements({ db, actor: other.radiologist, requestId: other.requestId })).toEqual([]);
  });
});
