import { TRPCError } from "@trpc/server";
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { draftReadyToSign } from "../reports/report-test-kit";
import { signReport } from "../reports/sign-report";
import { FACTORY_PASSWORD } from "@/prisma/factories";

// The sites' PACS report destinations through the tRPC procedures the /admin page calls: ADMIN
// only, a precise 400 naming the field (formats included), an AE title once per site, an audit
// row per change; and what signing queues for them (active ones only, confirmed studies only).

const db = connectTestDb(6);

async function admin() {
  const user = await createUser(db, { role: "ADMIN" });
  return { id: user.id, caller: createCaller({ db, actor: await actorOf(db, user.id) }) };
}

const ae = () => `PACS_${randomBytes(4).toString("hex").toUpperCase()}`;
const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
};

describe("PACS report destinations in /admin", () => {
  it("adds, lists, edits and deactivates a destination, each change audited with before and after", async () => {
    const site = await createSite(db);
    const { caller, id: adminId } = await admin();
    const aeTitle = ae();
    const { id } = await caller.reportDestinations.create({ siteId: site.id, label: " PACS du CHU ", aeTitle: ` ${aeTitle} `, host: "10.1.2.3", port: "104", sendPdf: true, sendSr: false });
    expect((await caller.reportDestinations.list()).find((row) => row.id === id)).toEqual({ id, siteId: site.id, siteName: site.name, label: "PACS du CHU", aeTitle, host: "10.1.2.3", port: 104, sendPdf: true, sendSr: false, active: true });
    await caller.reportDestinations.update({ id, label: "PACS", aeTitle, host: "pacs.chu.example", port: 11112, sendPdf: true, sendSr: true, active: false });
    const audit = await db.auditLog.findMany({ where: { action: "REPORT_PACS_DESTINATION_CHANGED", entityId: id }, orderBy: { id: "asc" }, select: { actorId: true, siteId: true, detail: true } });
    expect(audit).toEqual([
      { actorId: adminId, siteId: site.id, detail: { before: null, after: { label: "PACS du CHU", aeTitle, host: "10.1.2.3", port: 104, sendPdf: true, sendSr: false, active: true } } },
      {
        actorId: adminId,
        siteId: site.id,
        detail: {
          before: { label: "PACS du CHU", aeTitle, host: "10.1.2.3", port: 104, sendPdf: true, sendSr: false, active: true },
          after: { label: "PACS", aeTitle, host: "pacs.chu.example", port: 11112, sendPdf: true, sendSr: true, active: false },
        },
      },
    ]);
  });

  it("answers a 400 naming the field at fault (no format, bad AE title, port, host, AE title taken), writing nothing", async () => {
    const site = await createSite(db);
    const { caller } = await admin();
    const good = { siteId: site.id, label: "PACS", aeTitle: ae(), host: "10.0.0.1", port: 104, sendPdf: true, sendSr: true };
    const problem = (input: Partial<typeof good>) => caller.reportDestinations.create({ ...good, ...input });
    await expect(problem({ sendPdf: false, sendSr: false })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "formats", problem: "FORMAT_REQUIRED" } } });
    await expect(problem({ aeTitle: "WAY_TOO_LONG_AE_TITLE" })).rejects.toMatchObject({ cause: { details: { field: "aeTitle", problem: "AE_TOO_LONG" } } });
    await expect(problem({ aeTitle: "PACS\\2" })).rejects.toMatchObject({ cause: { details: { field: "aeTitle", problem: "AE_CHARACTERS" } } });
    await expect(problem({ port: 0 })).rejects.toMatchObject({ cause: { details: { field: "port", problem: "PORT_RANGE" } } });
    await expect(problem({ host: "pacs_01" })).rejects.toMatchObject({ cause: { details: { field: "host", problem: "HOST_INVALID" } } });
    expect(await codeOf(problem({ siteId: randomUUID() }))).toBe("NOT_FOUND");
    expect(await db.reportPacsDestination.count({ where: { siteId: site.id } })).toBe(0);
    await caller.reportDestinations.create(good);
    await expect(problem({ label: "Encore" })).rejects.toMatchObject({ cause: { details: { field: "aeTitle", problem: "AE_TAKEN" } } });
    expect(await codeOf(caller.reportDestinations.update({ id: randomUUID(), ...good, active: true }))).toBe("NOT_FOUND");
  });

  it("is the administrator's only", async () => {
    const site = await createSite(db);
    const head = createCaller({ db, actor: await actorOf(db, (await createUser(db, { role: "DEPARTMENT_HEAD" })).id) });
    const radiographer = createCaller({ db, actor: await actorOf(db, (await createUser(db, { role: "RADIOGRAPHER", siteId: site.id })).id) });
    for (const caller of [head, radiographer]) {
      expect(await codeOf(caller.reportDestinations.list())).toBe("FORBIDDEN");
      expect(await codeOf(caller.reportDestinations.create({ siteId: site.id, label: "PACS", aeTitle: ae(), host: "10.0.0.1", port: 104, sendPdf: true, sendSr: false }))).toBe("FORBIDDEN");
    }
  });

  it("queues at signing one export per active destination, confirmed study and format, with the same UIDs for good", async () => {
    const t = await draftReadyToSign(db);
    const { caller } = await admin();
    const active = await caller.reportDestinations.create({ siteId: t.site.id, label: "PACS", aeTitle: ae(), host: "10.0.0.1", port: 104, sendPdf: true, sendSr: true });
    const inactive = await caller.reportDestinations.create({ siteId: t.site.id, label: "Ancien", aeTitle: ae(), host: "10.0.0.2", port: 104, sendPdf: true, sendSr: false });
    await caller.reportDestinations.update({ id: inactive.id, label: "Ancien", aeTitle: (await db.reportPacsDestination.findUniqueOrThrow({ where: { id: inactive.id } })).aeTitle, host: "10.0.0.2", port: 104, sendPdf: true, sendSr: false, active: false });
    const patient = await db.dicomPatient.create({ data: { siteId: t.site.id, groupKey: `id::${randomUUID()}`, patientId: "P1", name: "A^B" } });
    const linked = `2.25.${BigInt(`0x${randomUUID().replace(/-/g, "")}`)}`;
    await db.dicomStudy.create({ data: { studyInstanceUid: linked, siteId: t.site.id, patientRef: patient.id, requestId: t.requestId, linkMethod: "ACCESSION", linkState: "LINKED" } });
    await db.dicomStudy.create({ data: { studyInstanceUid: `2.25.${BigInt(`0x${randomUUID().replace(/-/g, "")}`)}`, siteId: t.site.id, patientRef: patient.id, requestId: t.requestId, linkMethod: "ACCESSION", linkState: "NEEDS_CONFIRMATION" } });

    const signed = await signReport({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion, password: FACTORY_PASSWORD } });
    const rows = await db.reportPacsExport.findMany({ where: { reportVersionId: signed.versionId }, select: { destinationId: true, format: true, studyInstanceUid: true, state: true, seriesInstanceUid: true, sopInstanceUid: true } });
    expect(rows.map((row) => [row.destinationId, row.format, row.studyInstanceUid, row.state]).sort()).toEqual([
      [active.id, "BASIC_TEXT_SR", linked, "QUEUED"],
      [active.id, "ENCAPSULATED_PDF", linked, "QUEUED"],
    ]);
    expect(new Set(rows.flatMap((row) => [row.seriesInstanceUid, row.sopInstanceUid])).size).toBe(4);
    // Signing again (the same click twice) queues nothing more.
    await signReport({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion, password: FACTORY_PASSWORD } });
    expect(await db.reportPacsExport.count({ where: { reportVersionId: signed.versionId } })).toBe(2);

    // An export left SENDING by a runner that crashed may be sent again by hand once its lease is over, not before.
    const head = createCaller({ db, actor: await actorOf(db, (await createUser(db, { role: "DEPARTMENT_HEAD" })).id) });
    const [first, second] = await db.reportPacsExport.findMany({ where: { reportVersionId: signed.versionId }, select: { id: true }, orderBy: { format: "asc" } });
    await db.reportPacsExport.update({ where: { id: first!.id }, data: { state: "SENDING", attempts: 1, updatedAt: new Date(Date.now() - 5 * 60_000) } });
    await db.reportPacsExport.update({ where: { id: second!.id }, data: { state: "SENDING", attempts: 1, updatedAt: new Date() } });
    expect(await head.pacsExports.retry({ exportId: first!.id })).toEqual({ id: first!.id, state: "QUEUED" });
    expect(await codeOf(head.pacsExports.retry({ exportId: second!.id }))).toBe("CONFLICT");
  });
});
