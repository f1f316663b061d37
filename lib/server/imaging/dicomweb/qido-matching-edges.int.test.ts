import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { createSite, createUser } from "@/prisma/factories";
import { buildTestStudy, type TestStudy, type TestStudySpec } from "@/lib/testing/qido-test-studies";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { ingestInstance } from "../ingest/ingest-instance";
import { parseQidoQuery } from "../queries/qido-query";
import { searchSeries } from "../queries/search-series";
import { searchStudies } from "../queries/search-studies";

// QIDO-RS matching cases Orthanc cannot be compared on (it lacks them): stored times written
// with colons, lower-level keys at study level, Performed Procedure Step dates, PN queries by
// component group, and the zero-length element universal matching returns.

const db = connectTestDb();
const deps = testImageDeps(db);
const run = randomBytes(3).toString("hex").toUpperCase();
let actor: Actor;
let colon: TestStudy;
let mr: TestStudy;

const spec = (overrides: Partial<TestStudySpec>): TestStudySpec => ({
  patientName: { Alphabetic: "EDGE^Case" },
  patientId: `E${run}-0`,
  birthDate: "",
  sex: "",
  studyDate: "20240101",
  studyTime: "",
  referringPhysicianName: "",
  studyId: "",
  accessionNumber: "",
  studyDescription: "",
  series: [{ source: "CT", seriesNumber: 1, seriesDescription: "", instances: 1 }],
  ...overrides,
});

beforeAll(async () => {
  const site = await createSite(db);
  const radiographer = await createUser(db, { role: "RADIOGRAPHER", siteId: site.id });
  actor = await actorOf(db, radiographer.id);
  colon = buildTestStudy(spec({ patientId: `E${run}-1`, studyTime: "10:30:15", extra: { PerformedProcedureStepStartDate: "20240102" } }));
  mr = buildTestStudy(
    spec({
      patientId: `E${run}-2`,
      patientName: { Alphabetic: "Yamada^Hanako", Ideographic: "山田^花子", Phonetic: "やまだ^はなこ" },
      birthDate: "19900101",
      studyTime: "1500",
      series: [{ source: "MR", seriesNumber: 4, seriesDescription: "T2", instances: 1 }],
    }),
  );
  for (const study of [colon, mr]) {
    for (const file of study.files) {
      const outcome = await ingestInstance(deps, { channel: "STOW", siteId: site.id, senderLabel: "PACS edges", actorId: null }, file);
      if (outcome.status !== "stored") throw new Error(`not stored: ${JSON.stringify(outcome)}`);
    }
  }
});

async function studiesFor(text: string) {
  const parsed = parseQidoQuery(new URLSearchParams(`PatientID=E${run}-*&${text}`));
  if (!parsed.ok) throw new Error(parsed.message);
  return searchStudies({ db, actor, query: parsed.query, baseUrl: "http://test/dicomweb" });
}
const uids = (results: Awaited<ReturnType<typeof studiesFor>>) => results.map((r) => String(r["0020000D"]?.Value?.[0])).sort();

describe("QIDO-RS matching edges", () => {
  it("compares a stored time written with colons as the time it names", async () => {
    expect(uids(await studiesFor("StudyTime=1030"))).toEqual([colon.studyInstanceUid]);
    expect(uids(await studiesFor("StudyTime=103015.5-"))).toEqual([mr.studyInstanceUid]);
    expect(uids(await studiesFor("StudyTime=-103015"))).toEqual([colon.studyInstanceUid]);
  });

  it("matches series and instance keys at study level relationally", async () => {
    expect(uids(await studiesFor("SOPClassUID=1.2.840.10008.5.1.4.1.1.4"))).toEqual([mr.studyInstanceUid]);
    expect(uids(await studiesFor("SeriesNumber=4"))).toEqual([mr.studyInstanceUid]);
    expect(uids(await studiesFor("Modality=CT"))).toEqual([colon.studyInstanceUid]);
  });

  it("matches Performed Procedure Step Start Date on series", async () => {
    const parsed = parseQidoQuery(new URLSearchParams(`PatientID=E${run}-*&PerformedProcedureStepStartDate=20240101-20240103`));
    if (!parsed.ok) throw new Error(parsed.message);
    const series = await searchSeries({ db, actor, query: parsed.query, studyUid: null, baseUrl: "http://test/dicomweb" });
    expect(series.map((s) => s["0020000D"]?.Value?.[0])).toEqual([colon.studyInstanceUid]);
  });

  it("matches a PN query group by group, and a phonetic group alone", async () => {
    expect(uids(await studiesFor(`PatientName=${encodeURIComponent("Yamada^Hanako=山田^花子")}`))).toEqual([mr.studyInstanceUid]);
    expect(uids(await studiesFor(`PatientName=${encodeURIComponent("Yamada^Hanako=山田^太郎")}`))).toEqual([]);
    expect(uids(await studiesFor(`PatientName=${encodeURIComponent("やまだ*")}`))).toEqual([mr.studyInstanceUid]);
  });

  it("returns a key asked with universal matching even when the study has no value", async () => {
    const [study] = await studiesFor(`PatientID=E${run}-1&PatientBirthDate=&PatientSex=`);
    expect(study?.["00100030"]).toEqual({ vr: "DA" });
    expect(study?.["00100040"]).toEqual({ vr: "CS" });
  });
});
