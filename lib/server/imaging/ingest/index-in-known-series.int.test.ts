import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ctHeadSeries, type SyntheticPatient } from "@/lib/dicom/synthetic";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { getRequest } from "../../services/requests/get-request";
import { submitRequest } from "../../services/requests/submit-request";
import type { IngestSource } from "../runtime/image-deps";
import { ingestInstance } from "./ingest-instance";
import { insertKnownSeriesRows } from "./insert-known-series-rows";

// The instances after a series' first are indexed by one statement (index-in-known-series.ts)
// unless something more is needed; what a sender and a reader see must not change.

const db = connectTestDb();
const deps = testImageDeps(db);

async function newSite() {
  const site = await createSite(db);
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const patient: SyntheticPatient = { familyName: `KNOWN${tag}`, givenName: "LEA", birthDate: "19700405", sex: "F", patientId: `IPP${tag}` };
  const source: IngestSource = { channel: "CSTORE", siteId: site.id, senderLabel: `AE PACS_${tag}`, actorId: null };
  return { site, tag, patient, source };
}

/** A request of the site for this patient, under the site's accession number the images carry. */
async function requestCarrying(ctx: Awaited<ReturnType<typeof newSite>>, accession: string) {
  const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: ctx.site.id })).id);
  const { requestId } = await submitRequest({
    db,
    actor: referrer,
    input: teleDiagnosticRequest({
      patient: { familyName: `Known${ctx.tag}`, givenName: "Lea", birthDate: "1970-04-05", sex: "FEMALE", sitePatientId: ctx.patient.patientId },
      siteAccessionNumber: accession,
    }),
  });
  return { requestId, referrer };
}

function archivedFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

describe("instances of a series already indexed", () => {
  it("are each stored with their audit row, in the series of the first", async () => {
    const ctx = await newSite();
    const instances = [...ctHeadSeries({ seed: `known-${ctx.tag}`, patient: ctx.patient, slices: 5, size: 32 })];
    for (const instance of instances) expect((await ingestInstance(deps, ctx.source, instance.bytes)).status).toBe("stored");
    const uids = instances.map((i) => i.sopInstanceUid);
    const rows = await db.dicomInstance.findMany({ where: { sopInstanceUid: { in: uids } }, select: { series: { select: { seriesInstanceUid: true } } } });
    expect(rows.map((r) => r.series.seriesInstanceUid)).toEqual(instances.map((i) => i.seriesInstanceUid));
    expect(await db.auditLog.count({ where: { action: "DICOM_INSTANCE_STORED", entityId: { in: uids } } })).toBe(instances.length);
  });

  it("link their study to a request submitted after the first instance arrived (the site's accession number)", async () => {
    const ctx = await newSite();
    const accession = `RIS${ctx.tag}`;
    const [first, second] = [...ctHeadSeries({ seed: `late-request-${ctx.tag}`, patient: ctx.patient, accessionNumber: accession, slices: 2, size: 32 })];
    await ingestInstance(deps, ctx.source, first!.bytes);
    const unlinked = await db.dicomStudy.findUniqueOrThrow({ where: { studyInstanceUid: first!.studyInstanceUid }, select: { requestId: true } });
    expect(unlinked.requestId).toBeNull();

    const { requestId, referrer } = await requestCarrying(ctx, accession);
    expect((await ingestInstance(deps, ctx.source, second!.bytes)).status).toBe("stored");
    const linked = await db.dicomStudy.findUniqueOrThrow({ where: { studyInstanceUid: first!.studyInstanceUid }, select: { requestId: true, linkState: true } });
    expect(linked).toEqual({ requestId, linkState: "LINKED" });
    expect((await getRequest({ db, actor: referrer, requestId })).timeline.map((e) => e.type)).toContain("STUDY_LINKED");
  });

  it("answer CONFLICT for other content under a stored UID and keep no file of it", async () => {
    const ctx = await newSite();
    const [first, second] = [...ctHeadSeries({ seed: `known-conflict-${ctx.tag}`, patient: ctx.patient, slices: 2, size: 32 })];
    await ingestInstance(deps, ctx.source, first!.bytes);
    await ingestInstance(deps, ctx.source, second!.bytes);
    const files = archivedFiles(deps.archiveDir);

    const tampered = new Uint8Array(second!.bytes);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3]! + 1) % 256;
    expect(await ingestInstance(deps, ctx.source, tampered)).toMatchObject({ status: "refused", code: "CONFLICT", sopInstanceUid: second!.sopInstanceUid });
    expect(await ingestInstance(deps, ctx.source, second!.bytes)).toMatchObject({ status: "already-stored" });
    expect(archivedFiles(deps.archiveDir)).toBe(files);
    expect(await db.auditLog.count({ where: { action: "DICOM_INSTANCE_STORED", entityId: second!.sopInstanceUid } })).toBe(1);
  });
});

describe("instances arriving together", () => {
  it("are stored by shared statements, each once with one audit row, a copy sent twice among them answered as already stored", async () => {
    const ctx = await newSite();
    const instances = [...ctHeadSeries({ seed: `together-${ctx.tag}`, patient: ctx.patient, slices: 12, size: 32 })];
    expect((await ingestInstance(deps, ctx.source, instances[0]!.bytes)).status).toBe("stored");
    const rest = instances.slice(1);
    // All at once, as a STOW-RS request's parts or several senders: one of them twice.
    const outcomes = await Promise.all([...rest, rest[3]!].map((instance) => ingestInstance(deps, ctx.source, new Uint8Array(instance.bytes))));
    expect(outcomes.filter((o) => o.status === "stored")).toHaveLength(rest.length);
    expect(outcomes.filter((o) => o.status === "already-stored").map((o) => o.sopInstanceUid)).toEqual([rest[3]!.sopInstanceUid]);
    const uids = instances.map((i) => i.sopInstanceUid);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: { in: uids } } })).toBe(instances.length);
    expect(await db.auditLog.count({ where: { action: "DICOM_INSTANCE_STORED", entityId: { in: uids } } })).toBe(instances.length);
  });

  it("are linked to a request by the full path when their study asks for it, none left out", async () => {
    const ctx = await newSite();
    const accession = `TOG${ctx.tag}`;
    const instances = [...ctHeadSeries({ seed: `together-link-${ctx.tag}`, patient: ctx.patient, accessionNumber: accession, slices: 6, size: 32 })];
    await ingestInstance(deps, ctx.source, instances[0]!.bytes);
    const { requestId } = await requestCarrying(ctx, accession);
    const outcomes = await Promise.all(instances.slice(1).map((instance) => ingestInstance(deps, ctx.source, instance.bytes)));
    expect(outcomes.every((o) => o.status === "stored")).toBe(true);
    const study = await db.dicomStudy.findUniqueOrThrow({ where: { studyInstanceUid: instances[0]!.studyInstanceUid }, select: { requestId: true, _count: { select: { series: true } } } });
    expect(study.requestId).toBe(requestId);
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: { in: instances.map((i) => i.sopInstanceUid) } } })).toBe(instances.length);
  });
});

describe("the shared statement", () => {
  it("writes the rows whose study asks nothing more, and leaves out a stored UID without failing the others", async () => {
    const ctx = await newSite();
    const [first, second, third] = [...ctHeadSeries({ seed: `statement-${ctx.tag}`, patient: ctx.patient, slices: 3, size: 32 })];
    await ingestInstance(deps, ctx.source, first!.bytes);
    const series = await db.dicomSeries.findFirstOrThrow({ where: { seriesInstanceUid: first!.seriesInstanceUid }, select: { id: true, studyRef: true } });
    const placed = { seriesId: series.id, studyId: series.studyRef };
    const row = async (bytes: Uint8Array) => {
      const { parsed, sha256 } = await deps.parser.parse(new Uint8Array(bytes));
      return { source: ctx.source, parsed, placed, file: { sha256, key: `instances/test/${sha256}.dcm`, size: bytes.byteLength }, at: new Date() };
    };
    const inserted = await insertKnownSeriesRows(db, [await row(first!.bytes), await row(second!.bytes), await row(third!.bytes)]);
    expect([...inserted].sort()).toEqual([second!.sopInstanceUid, third!.sopInstanceUid].sort());
    expect(await db.auditLog.count({ where: { action: "DICOM_INSTANCE_STORED", entityId: { in: [second!.sopInstanceUid, third!.sopInstanceUid] } } })).toBe(2);
  });
});
