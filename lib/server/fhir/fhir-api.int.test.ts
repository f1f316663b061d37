import { randomInt, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Bundle, DiagnosticReport, ImagingStudy, OperationOutcome, Patient, ServiceRequest, Task } from "@medplum/fhirtypes";
import { Client, type FhirResource } from "fhir-kit-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { CONTRAST_SAFETY_URL, DICOM_SYSTEM, INS_NIR_SYSTEM, PATIENT_INFORMED_URL } from "@/lib/domain/fhir/fhir-codes";
import { withInsKey } from "@/lib/domain/ins-key";
import { idNatOf, startTestOidcProvider, type TestOidcProvider } from "@/lib/testing/oidc/test-oidc-provider";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { forgetDiscovery } from "../auth/bearer/userinfo-client";
import { listWorklist } from "../services/requests/list-worklist";
import { insertReportVersion, insertTemplate } from "../reports/signed-report-test-kit";
import { createFhirHandler } from "./fhir-handler";

// The FHIR API over real HTTP, driven by an independent FHIR client (npm fhir-kit-client) with
// real access tokens of a real OpenID provider shaped like Pro Santé Connect, on PostgreSQL.

const ports = vi.hoisted(() => {
  const provider = 20_000 + Math.floor(Math.random() * 20_000);
  Object.assign(process.env, {
    NEXTAUTH_URL: "http://127.0.0.1:9",
    NEXTAUTH_SECRET: "integration-test-secret-of-at-least-32-characters",
    OIDC_ISSUER: `http://127.0.0.1:${provider}`,
    OIDC_CLIENT_ID: "teleradio-it",
    OIDC_CLIENT_SECRET: "teleradio-it-secret",
  });
  return { provider };
});

const db = connectTestDb();
let provider: TestOidcProvider;
let server: Server;
let base: string;

const newRpps = () => `1${String(randomInt(0, 10 ** 9)).padStart(9, "0")}${randomInt(0, 10)}`;

async function withRpps<T extends { id: string }>(user: T): Promise<T & { rpps: string }> {
  const rpps = newRpps();
  await db.user.update({ where: { id: user.id }, data: { rpps } });
  return { ...user, rpps };
}

const world = {} as {
  siteA: { id: string };
  siteB: { id: string };
  referrerA: { id: string; rpps: string };
  referrerB: { id: string; rpps: string };
  radiologist: { id: string; rpps: string; displayName: string };
  radiographerA: { id: string; rpps: string };
};

async function clientOf(user: { rpps: string }): Promise<Client> {
  return new Client({ baseUrl: base, bearerToken: await provider.issueAccessToken(idNatOf(user.rpps)) });
}

beforeAll(async () => {
  provider = await startTestOidcProvider({ port: ports.provider, clients: [{ clientId: "ehr-it", clientSecret: "ehr-it-secret", redirectUris: ["http://127.0.0.1:9/cb"] }] });
  forgetDiscovery();
  const handler = createFhirHandler({ db, trustForwarded: false, maxBodyBytes: 64 * 1024 });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir/R4`;
  world.siteA = await createSite(db, "CH A");
  world.siteB = await createSite(db, "CH B");
  world.referrerA = await withRpps(await createUser(db, { role: "REFERRER", siteId: world.siteA.id }));
  world.referrerB = await withRpps(await createUser(db, { role: "REFERRER", siteId: world.siteB.id }));
  world.radiologist = await withRpps(await createUser(db, { role: "RADIOLOGIST", readsFor: [world.siteA.id] }));
  world.radiographerA = await withRpps(await createUser(db, { role: "RADIOGRAPHER", siteId: world.siteA.id }));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await provider?.close();
});

function serviceRequest(options: { order?: string; ipp?: string; birthDate?: string; family?: string; ins?: string } = {}): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    contained: [
      {
        resourceType: "Patient",
        id: "pat",
        identifier: [
          { type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "PI" }] }, system: "urn:oid:1.2.250.1.999.1.1", value: options.ipp ?? `IPP${randomInt(10 ** 6, 10 ** 7)}` },
          ...(options.ins ? [{ system: INS_NIR_SYSTEM, value: options.ins }] : []),
        ],
        name: [{ family: options.family ?? "MARTIN", given: ["Louise"] }],
        gender: "female",
        birthDate: options.birthDate ?? "1951-03-02",
      },
    ],
    identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "PLAC" }] }, system: "urn:oid:1.2.250.1.999.1.2", value: options.order ?? `EHR-${randomUUID().slice(0, 8)}` }],
    status: "active",
    intent: "order",
    priority: "urgent",
    code: { coding: [{ system: DICOM_SYSTEM, code: "CT" }] },
    bodySite: [{ text: "Encéphale" }],
    subject: { reference: "#pat" },
    reasonCode: [{ text: "Hémorragie intracrânienne ?" }],
    note: [{ text: "Chute, céphalées, sous anticoagulant" }],
    extension: [
      {
        url: CONTRAST_SAFETY_URL,
        extension: [
          { url: "renalFunction", valueCode: "NORMAL" },
          { url: "contrastAllergy", valueCode: "NO" },
          { url: "pregnancy", valueCode: "NOT_APPLICABLE" },
          { url: "metformin", valueCode: "NO" },
        ],
      },
      { url: PATIENT_INFORMED_URL, valueBoolean: true },
    ],
  };
}

const wrongKey = (ins: string) => `${ins.slice(0, 13)}${ins.endsWith("00") ? "01" : "00"}`;

async function refusal(promise: Promise<unknown>): Promise<{ status: number; data: OperationOutcome }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { status: number; data: OperationOutcome } }).response;
    if (response) return response;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** fhir-kit-client types resources loosely; the tests read them as R4 types. */
const as = <T,>(resource: FhirResource | Promise<FhirResource>) => resource as unknown as T;
const asBody = (resource: object) => resource as unknown as FhirResource;
const statusOf = (resource: unknown) => Client.httpFor(resource as never).response?.status;

describe("FHIR R4 API", () => {
  it("says what it serves without a token", async () => {
    const capabilities = as<{ fhirVersion: string; rest: { security: { description: string }; resource: { type: string }[] }[] }>(await new Client({ baseUrl: base }).capabilityStatement());
    expect(capabilities.fhirVersion).toBe("4.0.1");
    expect(capabilities.rest[0]!.resource.map((r) => r.type)).toEqual(["ServiceRequest", "Task", "ImagingStudy", "DiagnosticReport", "Patient"]);
    expect(capabilities.rest[0]!.security.description).toContain(process.env.OIDC_ISSUER!);
  });

  it("refuses a call without a token (401 + WWW-Authenticate) or with a bad one", async () => {
    const anonymous = await fetch(`${base}/ServiceRequest`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer realm="fhir"/);
    expect(((await anonymous.json()) as OperationOutcome).resourceType).toBe("OperationOutcome");
    const bad = await refusal(new Client({ baseUrl: base, bearerToken: "forged-token-0123456789abcdef" }).search({ resourceType: "Task" }));
    expect(bad.status).toBe(401);
    const stranger = await refusal(new Client({ baseUrl: base, bearerToken: await provider.issueAccessToken(idNatOf(newRpps())) }).search({ resourceType: "Task" }));
    expect(stranger.status).toBe(403);
  });

  it("creates a télédiagnostic request from an EHR's order, seen in the database like a form's, and is idempotent on the order number", async () => {
    const client = await clientOf(world.referrerA);
    const order = `EHR-${randomUUID().slice(0, 8)}`;
    const ipp = `IPP${randomInt(10 ** 6, 10 ** 7)}`;
    const created = as<ServiceRequest>(await client.create({ resourceType: "ServiceRequest", body: asBody(serviceRequest({ order, ipp })) }));
    expect(statusOf(created)).toBe(201);
    expect(created).toMatchObject({ status: "active", intent: "order", priority: "urgent", subject: { reference: expect.stringMatching(/^Patient\/[0-9a-f]{64}$/) } });
    const row = await db.readingRequest.findUniqueOrThrow({ where: { id: created.id! }, include: { events: true } });
    expect(row).toMatchObject({ siteId: world.siteA.id, requesterId: world.referrerA.id, source: "FHIR", placerOrderNumber: order, sitePatientId: ipp, sitePatientIdIssuer: "1.2.250.1.999.1.1", status: "SUBMITTED", modality: "CT", bodyRegion: "Encéphale", clinicalQuestion: "Hémorragie intracrânienne ?", renalFunction: "NORMAL" });
    expect(row.patientInformedAt).not.toBeNull();
    expect(row.events.map((event) => event.type).sort()).toEqual(["PATIENT_INFORMED", "SUBMITTED"]);
    expect(await db.auditLog.count({ where: { action: "REQUEST_SUBMITTED", entityId: created.id! } })).toBe(1);
    // In the reading radiologist's worklist, like a request from the form.
    const worklist = await listWorklist({ db, actor: await actorOf(db, world.radiologist.id), filter: { statuses: [], siteIds: [], priorities: [], types: [] } });
    expect(worklist.map((entry) => entry.id)).toContain(created.id);

    const again = as<ServiceRequest>(await client.create({ resourceType: "ServiceRequest", body: asBody(serviceRequest({ order, ipp })) }));
    expect(statusOf(again)).toBe(200);
    expect(again.id).toBe(created.id);
    expect(await db.readingRequest.count({ where: { siteId: world.siteA.id, placerOrderNumber: order } })).toBe(1);

    const otherPatient = await refusal(client.create({ resourceType: "ServiceRequest", body: asBody(serviceRequest({ order, ipp: "IPP-OTHER" })) }));
    expect(otherPatient.status).toBe(409);
    expect(otherPatient.data.issue[0]).toMatchObject({ code: "conflict", expression: ["ServiceRequest.identifier"] });
  });

  it("refuses bad input as the form would, with an OperationOutcome naming the element", async () => {
    const client = await clientOf(world.referrerA);
    const future = await refusal(client.create({ resourceType: "ServiceRequest", body: asBody(serviceRequest({ birthDate: "2999-01-01" })) }));
    expect(future.status).toBe(422);
    expect(future.data.issue).toContainEqual(expect.objectContaining({ expression: ["Patient.birthDate"], diagnostics: expect.stringContaining("future") }));
    const body = serviceRequest();
    body.extension = [];
    const noContrast = await refusal(client.create({ resourceType: "ServiceRequest", body: asBody(body) }));
    expect(noContrast.status).toBe(422);
    expect(noContrast.data.issue.length).toBeGreaterThanOrEqual(4);
    const badIns = await refusal(client.create({ resourceType: "ServiceRequest", body: asBody(serviceRequest({ ins: wrongKey(withInsKey("2550814168025")) })) }));
    expect(badIns.status).toBe(422);

    const notJson = await fetch(`${base}/ServiceRequest`, { method: "POST", headers: { "Content-Type": "application/fhir+json", Authorization: `Bearer ${await provider.issueAccessToken(idNatOf(world.referrerA.rpps))}` }, body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as OperationOutcome).issue[0]!.code).toBe("structure");
    const bearerA = `Bearer ${await provider.issueAccessToken(idNatOf(world.referrerA.rpps))}`;
    const notFhir = await fetch(`${base}/ServiceRequest`, { method: "POST", headers: { "Content-Type": "text/plain", Authorization: bearerA }, body: "hello" });
    expect(notFhir.status).toBe(415);
    const xml = await fetch(`${base}/Task`, { headers: { Accept: "application/fhir+xml", Authorization: bearerA } });
    expect(xml.status).toBe(406);
    const deletion = await fetch(`${base}/ServiceRequest/${randomUUID()}`, { method: "DELETE", headers: { Authorization: bearerA } });
    expect(deletion.status).toBe(405);
    expect(((await deletion.json()) as OperationOutcome).issue[0]!.code).toBe("not-supported");
    const wrongType = await refusal(client.create({ resourceType: "ServiceRequest", body: asBody({ resourceType: "Patient" }) }));
    expect(wrongType.status).toBe(400);
    const unknownParam = await refusal(client.search({ resourceType: "ServiceRequest", searchParams: { "code:text": "x" } }));
    expect(unknownParam.status).toBe(400);
    // Elements of another type than FHIR gives them, control characters in text or in a search,
    // and a made-up site in an identifier system: 400 or nothing found, never a 500.
    const badShapes: unknown[] = [
      { ...serviceRequest(), identifier: {} },
      { ...serviceRequest(), contained: {} },
      { ...serviceRequest(), reasonCode: [null] },
      { ...serviceRequest(), extension: {} },
    ];
    for (const shape of badShapes) {
      const answer = await refusal(client.create({ resourceType: "ServiceRequest", body: asBody(shape as ServiceRequest) }));
      expect(answer.status).toBe(400);
      expect(answer.data.resourceType).toBe("OperationOutcome");
    }
    const withNul = await refusal(client.create({ resourceType: "ServiceRequest", body: asBody({ ...serviceRequest(), note: [{ text: "douleur\u0000" }] }) }));
    expect(withNul.status).toBe(400);
    expect(withNul.data.issue[0]!.diagnostics).toContain("control characters");
    const nulSearch = await fetch(`${base}/ServiceRequest?identifier=${encodeURIComponent("x\u0000")}`, { headers: { Authorization: bearerA } });
    expect(nulSearch.status).toBe(400);
    const fakeSite = await fetch(`${base}/Patient?identifier=${encodeURIComponent(`urn:teleradio:fhir:site:${"-".repeat(36)}:ipp|x`)}`, { headers: { Authorization: bearerA } });
    expect(fakeSite.status).toBe(200);
    expect(((await fakeSite.json()) as { total?: number }).total ?? 0).toBe(0);
    // Only a referrer submits: a radiographer of the site is refused.
    const radiographer = await refusal((await clientOf(world.radiographerA)).create({ resourceType: "ServiceRequest", body: asBody(serviceRequest()) }));
    expect(radiographer.status).toBe(403);
  });

  it("searches requests by patient identifier, status and date; a referrer of another site sees none of them", async () => {
    const client = await clientOf(world.referrerA);
    const ipp = `IPP${randomInt(10 ** 6, 10 ** 7)}`;
    const created = as<ServiceRequest>(await client.create({ resourceType: "ServiceRequest", body: asBody(serviceRequest({ ipp })) }));
    const today = new Date().toISOString().slice(0, 10);
    const byPatient = as<Bundle>(await client.search({ resourceType: "ServiceRequest", searchParams: { "patient.identifier": `urn:oid:1.2.250.1.999.1.1|${ipp}`, status: "active", authored: `ge${today}` } }));
    expect(byPatient).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
    expect(byPatient.entry![0]!.resource!.id).toBe(created.id);
    const before = as<Bundle>(await client.search({ resourceType: "ServiceRequest", searchParams: { "patient.identifier": ipp, authored: "lt2000-01-01" } }));
    expect(before.total).toBe(0);
    const completed = as<Bundle>(await client.search({ resourceType: "ServiceRequest", searchParams: { "patient.identifier": ipp, status: "completed" } }));
    expect(completed.total).toBe(0);

    const patients = as<Bundle>(await client.search({ resourceType: "Patient", searchParams: { identifier: ipp } }));
    expect(patients.total).toBe(1);
    const patient = patients.entry![0]!.resource as Patient;
    expect(patient).toMatchObject({ name: [{ family: "MARTIN", given: ["Louise"] }], birthDate: "1951-03-02", gender: "female" });
    expect(`Patient/${patient.id}`).toBe(created.subject!.reference);
    expect((as<Patient>(await client.read({ resourceType: "Patient", id: patient.id! }))).id).toBe(patient.id);

    const foreign = await clientOf(world.referrerB);
    expect((as<Bundle>(await foreign.search({ resourceType: "ServiceRequest", searchParams: { "patient.identifier": ipp } }))).total).toBe(0);
    expect((await refusal(foreign.read({ resourceType: "ServiceRequest", id: created.id! }))).status).toBe(404);
    expect((await refusal(foreign.read({ resourceType: "Patient", id: patient.id! }))).status).toBe(404);
    expect((await refusal(foreign.read({ resourceType: "Task", id: created.id! }))).status).toBe(404);

    // The radiologist reading for site A sees it; the search and reads were audited, naming the ids.
    const radiologist = await clientOf(world.radiologist);
    expect((as<Bundle>(await radiologist.search({ resourceType: "Task", searchParams: { focus: `ServiceRequest/${created.id}` } }))).total).toBe(1);
    const audits = await db.auditLog.findMany({ where: { action: "FHIR_READ", actorId: world.referrerA.id }, orderBy: { id: "asc" } });
    expect(audits.some((audit) => (audit.detail as { ids: string[] }).ids.includes(created.id!))).toBe(true);
    expect(audits.some((audit) => (audit.detail as { resourceType: string; ids: string[] }).resourceType === "Patient" && (audit.detail as { ids: string[] }).ids.includes(patient.id!))).toBe(true);
  });

  it("gives the request's workflow as a Task, its confirmed studies as ImagingStudy and each signed version as a DiagnosticReport with its PDF", async () => {
    const client = await clientOf(world.referrerA);
    const created = as<ServiceRequest>(await client.create({ resourceType: "ServiceRequest", body: asBody(serviceRequest({ ins: withInsKey("2510399123456") })) }));
    const requestId = created.id!;
    await db.readingRequest.update({ where: { id: requestId }, data: { status: "SIGNED", holderId: world.radiologist.id, claimedAt: new Date(), holdKind: "CLAIMED" } });

    const task = as<Task>(await client.read({ resourceType: "Task", id: requestId }));
    expect(task).toMatchObject({ status: "completed", businessStatus: { coding: [{ code: "SIGNED" }] }, focus: { reference: `ServiceRequest/${requestId}` }, owner: { identifier: { value: world.radiologist.rpps } } });
    expect(task.lastModified).toBeTruthy();

    const studyUid = `1.2.826.0.1.3680043.8.498.${randomInt(10 ** 8, 10 ** 9)}`;
    const dicomPatient = await db.dicomPatient.create({ data: { siteId: world.siteA.id, groupKey: `id::${randomUUID()}`, patientId: "X", name: "MARTIN^Louise" } });
    const study = await db.dicomStudy.create({ data: { studyInstanceUid: studyUid, siteId: world.siteA.id, patientRef: dicomPatient.id, studyDate: "20261207", studyTime: "101500", requestId, linkState: "LINKED", linkMethod: "ACCESSION" } });
    await db.dicomSeries.create({ data: { seriesInstanceUid: `${studyUid}.1`, studyRef: study.id, modality: "CT" } });
    const studies = as<Bundle>(await client.search({ resourceType: "ImagingStudy", searchParams: { basedon: `ServiceRequest/${requestId}` } }));
    expect(studies.total).toBe(1);
    const imaging = studies.entry![0]!.resource as ImagingStudy;
    expect(imaging).toMatchObject({ identifier: [{ value: `urn:oid:${studyUid}` }], numberOfSeries: 1, numberOfInstances: 0, modality: [{ code: "CT" }], started: "2026-12-07T10:15:00+01:00" });
    expect(imaging.contained?.[0]).toMatchObject({ resourceType: "Endpoint", address: expect.stringMatching(/\/dicomweb$/) });

    const template = await insertTemplate(db);
    const original = await insertReportVersion(db, { requestId, templateId: template.id, signer: world.radiologist, sequence: 0, narrative: "Pas d'hémorragie.", conclusion: "Examen normal.", signedAt: new Date() });
    await insertReportVersion(db, { requestId, templateId: template.id, signer: world.radiologist, sequence: 1, narrative: "Relecture.", conclusion: "Confirmé.", signedAt: new Date(), previousFingerprint: original.fingerprint });
    const reports = as<Bundle>(await client.search({ resourceType: "DiagnosticReport", searchParams: { "based-on": requestId } }));
    expect(reports.total).toBe(2);
    expect(reports.entry!.map((entry) => (entry.resource as DiagnosticReport).status).sort()).toEqual(["amended", "final"]);
    const finals = as<Bundle>(await client.search({ resourceType: "DiagnosticReport", searchParams: { "based-on": requestId, status: "final" } }));
    expect(finals.total).toBe(1);

    const report = as<DiagnosticReport>(await client.read({ resourceType: "DiagnosticReport", id: original.id }));
    expect(report).toMatchObject({ status: "final", code: { coding: [{ system: "http://loinc.org", code: "18748-4" }] }, conclusion: "Examen normal.", resultsInterpreter: [{ identifier: { value: world.radiologist.rpps } }], imagingStudy: [{ reference: `ImagingStudy/${study.id}` }], basedOn: [{ reference: `ServiceRequest/${requestId}` }] });
    const pdf = Buffer.from(report.presentedForm![0]!.data!, "base64");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(report.presentedForm![0]).toMatchObject({ contentType: "application/pdf", url: expect.stringContaining(`/api/reports/${original.id}/pdf`) });
    expect(await db.auditLog.count({ where: { action: "REPORT_PDF_DOWNLOADED", entityId: original.id, actorId: world.referrerA.id } })).toBe(1);

    // The INS leaves only for a qualified identity: the EHR said nothing of its reliability.
    const patient = as<Patient>(await client.read({ resourceType: "Patient", id: created.subject!.reference!.split("/")[1]! }));
    expect(patient.identifier?.some((identifier) => identifier.system === INS_NIR_SYSTEM)).toBe(false);

    const foreign = await clientOf(world.referrerB);
    expect((await refusal(foreign.read({ resourceType: "DiagnosticReport", id: original.id }))).status).toBe(404);
    expect((await refusal(foreign.read({ resourceType: "ImagingStudy", id: study.id }))).status).toBe(404);
  });
});
