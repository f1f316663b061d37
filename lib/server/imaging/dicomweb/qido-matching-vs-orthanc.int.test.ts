import { LOOPBACK_NETWORKS } from "@/lib/domain/network/address-allow-list";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { api } from "dicomweb-client";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { NodeXmlHttpRequest } from "@/lib/testing/node-xhr";
import { type Orthanc, startOrthanc } from "@/lib/testing/orthanc";
import { buildTestStudy, type TestStudy, type TestStudySpec } from "@/lib/testing/qido-test-studies";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { loadActor } from "../../auth/load-actor";
import { createDicomwebHandler } from "./dicomweb-handler";
import { hashSenderToken } from "./dicomweb-principal";

// The QIDO-RS matching cases of PS3.4 C.2.2.2, asked by a standard client (the npm
// dicomweb-client, unchanged, over XHR in Node) of our server and of Orthanc holding the very
// same files: both must find the same studies, series and instances. Where Orthanc departs from
// the standard, the standard's answer is asserted for us and Orthanc's difference is written
// down (docs/conformance.md, "Tested with").

const db = connectTestDb();
const deps = testImageDeps(db);
const secret = randomBytes(32).toString("base64url");
const run = randomBytes(3).toString("hex").toUpperCase();
let server: Server;
let orthanc: Orthanc;
let ours: InstanceType<typeof api.DICOMwebClient>;
let theirs: InstanceType<typeof api.DICOMwebClient>;

const CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
const MR_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

const base = (overrides: Partial<TestStudySpec>): TestStudySpec => ({
  patientName: { Alphabetic: "X" },
  patientId: "",
  birthDate: "",
  sex: "",
  studyDate: "",
  studyTime: "",
  referringPhysicianName: "",
  studyId: "",
  accessionNumber: "",
  studyDescription: "QIDO",
  series: [{ source: "CT", seriesNumber: 1, seriesDescription: "AXIAL", instances: 1 }],
  ...overrides,
});

// Four patients whose names, birth dates, sexes, times and modalities differ.
const SPECS = {
  dupont: base({
    patientName: { Alphabetic: "DUPONT^Jean" },
    patientId: `Q${run}-1`,
    birthDate: "19600101",
    sex: "M",
    studyDate: "20240110",
    studyTime: "083000",
    referringPhysicianName: "MARTIN^Claire",
    studyId: "S100",
    accessionNumber: "ACC_1%",
    series: [
      { source: "CT", seriesNumber: 1, seriesDescription: "AXIAL", instances: 2 },
      { source: "MR", seriesNumber: 2, seriesDescription: "T2", instances: 1 },
    ],
  }),
  helene: base({
    patientName: { Alphabetic: "DÜPONT^HÉLÈNE" },
    patientId: `Q${run}-2`,
    birthDate: "19721231",
    sex: "F",
    studyDate: "20240215",
    studyTime: "143015.25",
    studyId: "S200",
    accessionNumber: "ACC12",
  }),
  yamada: base({
    patientName: { Alphabetic: "Yamada^Tarou", Ideographic: "山田^太郎", Phonetic: "やまだ^たろう" },
    patientId: `Q${run}-3`,
    birthDate: "19851120",
    sex: "O",
    studyDate: "20240301",
    studyTime: "2200",
    referringPhysicianName: "MARTIN^Paul",
    studyId: "S300",
    accessionNumber: "ACC3",
    series: [{ source: "MR", seriesNumber: 1, seriesDescription: "T2", instances: 2 }],
  }),
  papadopoulos: base({
    patientName: { Alphabetic: "ΠΑΠΑΔΌΠΟΥΛΟΣ^ΓΙΏΡΓΟΣ" },
    patientId: `Q${run}-4`,
    birthDate: "19600101",
    sex: "F",
    studyDate: "20240110",
    studyTime: "120000",
    studyId: "S400",
    accessionNumber: "ACCX1%",
  }),
};
type Who = keyof typeof SPECS;
const studies = {} as Record<Who, TestStudy>;

beforeAll(async () => {
  globalThis.XMLHttpRequest = NodeXmlHttpRequest as unknown as typeof XMLHttpRequest;
  const site = await createSite(db);
  const token = randomBytes(24).toString("base64url");
  await db.dicomSender.create({ data: { siteId: site.id, kind: "STOW_TOKEN", label: "PACS QIDO", tokenHash: hashSenderToken(token), allowedNetworks: [...LOOPBACK_NETWORKS] } });
  // The site's radiographer sees the site's studies (unlinked too), and only those.
  const radiographer = await createUser(db, { role: "RADIOGRAPHER", siteId: site.id });
  const cookie = `next-auth.session-token=${await encode({ token: { uid: radiographer.id }, secret })}`;
  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 64 * 1024 * 1024 });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const ourUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicomweb`;
  orthanc = await startOrthanc();

  for (const who of Object.keys(SPECS) as Who[]) {
    const study = buildTestStudy(SPECS[who]);
    studies[who] = study;
    await stow(ourUrl, token, study.files);
    await orthanc.upload(study.files);
  }
  ours = new api.DICOMwebClient({ url: ourUrl, headers: { Cookie: cookie }, singlepart: false });
  theirs = new api.DICOMwebClient({ url: orthanc.dicomwebUrl, singlepart: false });
}, 120_000);

afterAll(async () => {
  await orthanc?.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function stow(url: string, token: string, files: Uint8Array[]): Promise<void> {
  const boundary = `qido-${randomBytes(8).toString("hex")}`;
  const chunks = files.flatMap((file) => [Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(file), Buffer.from("\r\n")]);
  const response = await fetch(`${url}/studies`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": `multipart/related; type="application/dicom"; boundary=${boundary}` },
    body: new Uint8Array(Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)])),
  });
  if (response.status !== 200) throw new Error(`our STOW-RS answered ${response.status}: ${await response.text()}`);
}

type Json = Record<string, { Value?: unknown[] } | undefined>;
type Client = InstanceType<typeof api.DICOMwebClient>;
type SearchOptions = { studyInstanceUID?: string; queryParams?: Record<string, string> };
// dicomweb-client's typings declare arrays; the calls return promises of them.
const searchStudies = (client: Client, options: SearchOptions) => client.searchForStudies(options) as unknown as Promise<Json[]>;
const searchSeries = (client: Client, options: SearchOptions) => client.searchForSeries(options) as unknown as Promise<Json[]>;
const searchInstances = (client: Client, options: SearchOptions) => client.searchForInstances(options) as unknown as Promise<Json[]>;
const uidsOf = (results: Json[], tag: string) => new Set(results.map((r) => String(r[tag]?.Value?.[0])));
const whoOf = (results: Json[]) => {
  const found = uidsOf(results, "0020000D");
  return (Object.keys(studies) as Who[]).filter((who) => found.has(studies[who].studyInstanceUid)).sort();
};
const everyone = () => Object.keys(SPECS).sort();

interface Case {
  name: string;
  queryParams: Record<string, string>;
  expected: Who[];
  /** What Orthanc 1.10.1 + DICOMweb 1.7 answers instead, where it departs from PS3.4. */
  orthanc?: Who[];
}

const scope = () => ({ PatientID: `Q${run}-*` });

const STUDY_CASES = (): Case[] => [
  // PS3.4 C.2.2.2.1 lets PN matching ignore case; Orthanc's QIDO does not.
  { name: "single value PN, case-insensitive", queryParams: { PatientName: "DUPONT^JEAN" }, expected: ["dupont"], orthanc: [] },
  { name: "PN wildcard at the end", queryParams: { PatientName: "DUP*" }, expected: ["dupont"] },
  { name: "PN wildcard at both ends", queryParams: { PatientName: "*PONT*" }, expected: ["dupont", "helene"] },
  // Orthanc 1.10.1's QIDO finds nothing for a value with "?", nor for one with a "%".
  { name: "? is one character, accented ones too", queryParams: { PatientName: "D?PONT*" }, expected: ["dupont", "helene"], orthanc: [] },
  { name: "PatientBirthDate single value", queryParams: { PatientBirthDate: "19600101" }, expected: ["dupont", "papadopoulos"] },
  { name: "PatientBirthDate closed range", queryParams: { PatientBirthDate: "19700101-19801231" }, expected: ["helene"] },
  { name: "PatientBirthDate open range", queryParams: { PatientBirthDate: "-19650101" }, expected: ["dupont", "papadopoulos"] },
  { name: "PatientSex", queryParams: { PatientSex: "F" }, expected: ["helene", "papadopoulos"] },
  { name: "identity check: name and a birth date that is not the patient's", queryParams: { PatientName: "DUPONT^JEAN", PatientBirthDate: "19720101" }, expected: [] },
  { name: "StudyTime range", queryParams: { StudyTime: "080000-090000" }, expected: ["dupont"] },
  { name: "StudyTime range with fractional seconds", queryParams: { StudyTime: "143015.2-143015.3" }, expected: ["helene"] },
  { name: "StudyTime open range over a partial stored time", queryParams: { StudyTime: "2100-" }, expected: ["yamada"] },
  { name: "StudyDate", queryParams: { StudyDate: "20240110" }, expected: ["dupont", "papadopoulos"] },
  { name: "ModalitiesInStudy", queryParams: { ModalitiesInStudy: "MR" }, expected: ["dupont", "yamada"] },
  { name: "ReferringPhysicianName wildcard", queryParams: { ReferringPhysicianName: "MARTIN*" }, expected: ["dupont", "yamada"] },
  { name: "StudyID", queryParams: { StudyID: "S100" }, expected: ["dupont"] },
  { name: "% and _ are literal", queryParams: { AccessionNumber: "ACC_1%" }, expected: ["dupont"], orthanc: [] },
  { name: "_ is literal in a wildcard value", queryParams: { AccessionNumber: "ACC_*" }, expected: ["dupont"] },
  { name: "? in the middle", queryParams: { AccessionNumber: "ACC?1*" }, expected: ["dupont", "papadopoulos"], orthanc: [] },
  { name: "empty value is universal matching", queryParams: { PatientName: "", PatientBirthDate: "" }, expected: everyone() as Who[] },
  // PS3.18 8.3.4.1 separates a UID list with commas (Orthanc finds nothing with PS3.4's backslash, which we also accept).
  { name: "list of UIDs", queryParams: { StudyInstanceUID: `${studies.dupont.studyInstanceUid},${studies.yamada.studyInstanceUid}` }, expected: ["dupont", "yamada"] },
  { name: "list of UIDs with backslash", queryParams: { StudyInstanceUID: `${studies.dupont.studyInstanceUid}\\${studies.helene.studyInstanceUid}` }, expected: ["dupont", "helene"], orthanc: [] },
  { name: "an unknown attribute is ignored", queryParams: { NoSuchAttribute: "1", PatientSex: "M" }, expected: ["dupont"] },
  // Orthanc's plugin ignores fuzzymatching (and matches the whole multi-group PN string).
  { name: "fuzzy: case and accents ignored, any component", queryParams: { PatientName: "dupont", fuzzymatching: "true" }, expected: ["dupont", "helene"], orthanc: [] },
  { name: "fuzzy: the given name alone", queryParams: { PatientName: "helene", fuzzymatching: "true" }, expected: ["helene"], orthanc: [] },
  { name: "fuzzy: Greek without case or tonos", queryParams: { PatientName: "παπαδοπουλος", fuzzymatching: "true" }, expected: ["papadopoulos"], orthanc: [] },
  { name: "fuzzy: the ideographic family name", queryParams: { PatientName: "山田", fuzzymatching: "true" }, expected: ["yamada"], orthanc: [] },
  { name: "PN matches the ideographic group", queryParams: { PatientName: "山田^太郎" }, expected: ["yamada"], orthanc: [] },
];

describe("QIDO-RS matching: our server and Orthanc holding the same studies", () => {
  it("finds the same studies for each matching case of PS3.4 C.2.2.2", async () => {
    const answers = await Promise.all(
      STUDY_CASES().map(async (testCase) => {
        const queryParams = { ...scope(), ...testCase.queryParams };
        const [mine, orthancs] = await Promise.all([searchStudies(ours, { queryParams }), searchStudies(theirs, { queryParams })]);
        return { name: testCase.name, ours: whoOf(mine), orthanc: whoOf(orthancs) };
      }),
    );
    // Every case at once, so that a failure shows all the differences.
    expect(answers).toEqual(STUDY_CASES().map((c) => ({ name: c.name, ours: [...c.expected].sort(), orthanc: [...(c.orthanc ?? c.expected)].sort() })));
    expect(STUDY_CASES().filter((c) => c.orthanc).length).toBeLessThan(STUDY_CASES().length / 2);
  });

  it("returns the attribute asked with universal matching, from the study's own identity", async () => {
    const [mine] = await searchStudies(ours, { queryParams: { PatientID: `Q${run}-3`, PatientName: "", PatientBirthDate: "", ReferringPhysicianName: "" } });
    expect(mine?.["00100010"]?.Value?.[0]).toEqual({ Alphabetic: "Yamada^Tarou", Ideographic: "山田^太郎", Phonetic: "やまだ^たろう" });
    expect(mine?.["00100030"]?.Value).toEqual(["19851120"]);
    expect(mine?.["00080090"]?.Value?.[0]).toMatchObject({ Alphabetic: "MARTIN^Paul" });
    expect(mine?.["00080061"]?.Value).toEqual(["MR"]);
    expect(mine?.["00201208"]?.Value).toEqual([2]);
  });

  it("finds the same series by Modality, SeriesNumber and within a study", async () => {
    const cases: Record<string, string>[] = [{ Modality: "MR" }, { SeriesNumber: "2" }, { Modality: "C*" }, { SeriesDescription: "T2", PatientSex: "O" }];
    for (const queryParams of cases) {
      const [mine, orthancs] = await Promise.all([searchSeries(ours, { queryParams: { ...scope(), ...queryParams } }), searchSeries(theirs, { queryParams: { ...scope(), ...queryParams } })]);
      expect(uidsOf(mine, "0020000E"), JSON.stringify(queryParams)).toEqual(uidsOf(orthancs, "0020000E"));
      expect(mine.length).toBeGreaterThan(0);
    }
    const studyInstanceUID = studies.dupont.studyInstanceUid;
    const [mine, orthancs] = await Promise.all([searchSeries(ours, { studyInstanceUID, queryParams: { Modality: "CT" } }), searchSeries(theirs, { studyInstanceUID, queryParams: { Modality: "CT" } })]);
    expect(mine.length).toBe(1);
    expect(uidsOf(mine, "0020000E")).toEqual(uidsOf(orthancs, "0020000E"));
  });

  it("finds the same instances by SOPClassUID and InstanceNumber", async () => {
    const cases: { studyInstanceUID?: string; queryParams: Record<string, string> }[] = [
      { queryParams: { ...scope(), SOPClassUID: MR_STORAGE } },
      { queryParams: { ...scope(), SOPClassUID: `${CT_STORAGE},${MR_STORAGE}`, InstanceNumber: "2" } },
      { studyInstanceUID: studies.dupont.studyInstanceUid, queryParams: { InstanceNumber: "1" } },
    ];
    for (const options of cases) {
      const [mine, orthancs] = await Promise.all([searchInstances(ours, options), searchInstances(theirs, options)]);
      expect(uidsOf(mine, "00080018"), JSON.stringify(options)).toEqual(uidsOf(orthancs, "00080018"));
      expect(mine.length).toBeGreaterThan(0);
    }
  });

  it("treats Modality at study level as the studies having such a series", async () => {
    expect(whoOf(await searchStudies(ours, { queryParams: { ...scope(), Modality: "MR" } }))).toEqual(["dupont", "yamada"]);
  });
});
