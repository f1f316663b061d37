import "server-only";
import type { DiagnosticReport, ImagingStudy, Patient, Resource, ServiceRequest, Task } from "@medplum/fhirtypes";
import type { Actor } from "@/lib/domain/access";
import { toDiagnosticReport, toImagingStudy, toPatient, toServiceRequest, toTask } from "@/lib/domain/fhir/fhir-resources";
import { FhirProblem } from "@/lib/domain/fhir/operation-outcome";
import { patientIdOf } from "@/lib/domain/fhir/patient-id";
import type { SearchableType, SearchQuery } from "@/lib/domain/fhir/search-params";
import { canReadSignedReport } from "@/lib/domain/reports/report-access";
import { createTranslator } from "@/lib/i18n/translate";
import type { Db } from "../db/client";
import { getReportPdf } from "../services/reports/get-report-pdf";
import { fhirRequestWhere, IDENTITY_SELECT, isUuid, REQUEST_ROW_SELECT, resolvePatientId } from "./fhir-request-filter";

// Reads and searches of the FHIR API, one function per resource type, all scoped by
// fhir-request-filter.ts. Each returns the resources and the requests they came from (for the
// audit row the handler writes).

export interface FhirPage {
  resources: Resource[];
  total: number;
  requestIds: string[];
}

export interface FhirReadContext {
  /** The server's origin as the client reached it (URLs written into resources). */
  origin: string;
}

const frenchStatus = createTranslator("fr");
const statusLabel = (status: string) => frenchStatus(`status.${status}` as Parameters<typeof frenchStatus>[0]);

export async function searchFhir(db: Db, actor: Actor, type: SearchableType, query: SearchQuery, context: FhirReadContext): Promise<FhirPage> {
  switch (type) {
    case "ServiceRequest":
    case "Task":
      return searchRequests(db, actor, type, query);
    case "Patient":
      return searchPatients(db, actor, query);
    case "ImagingStudy":
      return searchStudies(db, actor, query, context);
    case "DiagnosticReport":
      return searchReports(db, actor, query, context, false);
  }
}

/** One resource by id; 404 when it does not exist or lies outside the caller's scope. */
export async function readFhir(db: Db, actor: Actor, type: SearchableType, id: string, context: FhirReadContext): Promise<FhirPage & { resource: Resource }> {
  let page: FhirPage;
  if (type === "Patient") page = await readPatient(db, actor, id);
  else if (!isUuid(id)) page = { resources: [], total: 0, requestIds: [] };
  else if (type === "DiagnosticReport") page = await searchReports(db, actor, { count: 1, offset: 0, ids: [id] }, context, true);
  else if (type === "ImagingStudy") page = await searchStudies(db, actor, { count: 1, offset: 0, ids: [id] }, context);
  else page = await searchRequests(db, actor, type, { count: 1, offset: 0, ids: [id] });
  const resource = page.resources[0];
  if (!resource) throw FhirProblem.of(404, "not-found", `${type}/${id} is not known (or not visible to this user)`);
  return { ...page, resource };
}

async function searchRequests(db: Db, actor: Actor, type: "ServiceRequest" | "Task", query: SearchQuery): Promise<FhirPage> {
  const where = await fhirRequestWhere(db, actor, query, { statusTable: type, dateColumn: type === "ServiceRequest" ? "submittedAt" : null, identifierColumns: type === "ServiceRequest" });
  const scoped = query.ids ? { AND: [where, { id: { in: query.ids.filter(isUuid) } }] } : where;
  const [total, rows] = await Promise.all([
    db.readingRequest.count({ where: scoped }),
    db.readingRequest.findMany({ where: scoped, select: REQUEST_ROW_SELECT, orderBy: [{ submittedAt: "desc" }, { id: "asc" }], take: query.count, skip: query.offset }),
  ]);
  const resources: (ServiceRequest | Task)[] = rows.map((row) => (type === "Task" ? toTask(row, statusLabel(row.status)) : toServiceRequest(row)));
  return { resources, total, requestIds: rows.map((row) => row.id) };
}

/** Patients: the distinct (site, IPP) of the matching requests, each with its latest identity. */
async function searchPatients(db: Db, actor: Actor, query: SearchQuery): Promise<FhirPage> {
  const where = await fhirRequestWhere(db, actor, { ...query, patientIdentifier: query.identifier, identifier: undefined }, {});
  const rows = await db.readingRequest.findMany({ where, select: { id: true, ...IDENTITY_SELECT }, orderBy: [{ submittedAt: "desc" }, { id: "asc" }], take: 1000 });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const id = patientIdOf(row.siteId, row.sitePatientId);
    if (!latest.has(id) && (!query.ids || query.ids.includes(id))) latest.set(id, row);
  }
  const all = [...latest.values()];
  const page = all.slice(query.offset, query.offset + query.count);
  return { resources: page.map((row) => toPatient(row) as Patient), total: all.length, requestIds: page.map((row) => row.id) };
}

async function readPatient(db: Db, actor: Actor, id: string): Promise<FhirPage> {
  const patient = await resolvePatientId(db, actor, id);
  if (!patient) return { resources: [], total: 0, requestIds: [] };
  const row = await db.readingRequest.findFirst({ where: patient, select: { id: true, ...IDENTITY_SELECT }, orderBy: [{ submittedAt: "desc" }, { id: "asc" }] });
  return row ? { resources: [toPatient(row)], total: 1, requestIds: [row.id] } : { resources: [], total: 0, requestIds: [] };
}

async function searchStudies(db: Db, actor: Actor, query: SearchQuery, context: FhirReadContext): Promise<FhirPage> {
  const requestWhere = await fhirRequestWhere(db, actor, query, {});
  // Only studies confirmed as the request's: one waiting for confirmation may be another patient's.
  const where = {
    linkState: "LINKED" as const,
    request: requestWhere,
    ...(query.ids ? { id: { in: query.ids.filter(isUuid) } } : {}),
    ...(query.identifier ? { studyInstanceUid: query.identifier.value.replace(/^urn:oid:/, "") } : {}),
  };
  const [total, studies] = await Promise.all([
    db.dicomStudy.count({ where }),
    db.dicomStudy.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      take: query.count,
      skip: query.offset,
      select: {
        id: true,
        studyInstanceUid: true,
        requestId: true,
        studyDate: true,
        studyTime: true,
        studyDescription: true,
        series: { orderBy: { seriesNumber: "asc" }, select: { seriesInstanceUid: true, modality: true, _count: { select: { instances: true } } } },
        request: { select: IDENTITY_SELECT },
      },
    }),
  ]);
  const resources: ImagingStudy[] = studies.map((study) =>
    toImagingStudy(
      { ...study, requestId: study.requestId!, series: study.series.map((series) => ({ seriesInstanceUid: series.seriesInstanceUid, modality: series.modality, instanceCount: series._count.instances })) },
      study.request!,
      `${context.origin}/dicomweb`,
    ),
  );
  return { resources, total, requestIds: studies.map((study) => study.requestId!) };
}

/** Signed versions only; `withPdf` embeds each PDF (a read), a search gives its URL. */
async function searchReports(db: Db, actor: Actor, query: SearchQuery, context: FhirReadContext, withPdf: boolean): Promise<FhirPage> {
  if (!canReadSignedReport(actor)) throw FhirProblem.of(403, "forbidden", "reports are read by physicians (referrers, radiologists, the department head)");
  const requestWhere = await fhirRequestWhere(db, actor, { ...query, date: undefined }, {});
  const kinds = query.statuses?.flatMap((status) => (status === "final" ? ["ORIGINAL" as const] : status === "amended" ? ["ADDENDUM" as const] : []));
  const where = {
    signedAt: { not: null, ...(query.date?.gte ? { gte: query.date.gte } : {}), ...(query.date?.lt ? { lt: query.date.lt } : {}) },
    request: requestWhere,
    ...(query.ids ? { id: { in: query.ids.filter(isUuid) } } : {}),
    ...(kinds ? { kind: { in: kinds } } : {}),
  };
  const [total, versions] = await Promise.all([
    db.reportVersion.count({ where }),
    db.reportVersion.findMany({
      where,
      orderBy: [{ signedAt: "desc" }, { id: "asc" }],
      take: query.count,
      skip: query.offset,
      select: {
        id: true,
        requestId: true,
        kind: true,
        sequence: true,
        conclusion: true,
        signedAt: true,
        signerName: true,
        signedBy: { select: { rpps: true } },
        request: { select: { ...IDENTITY_SELECT, accessionNumber: true, studies: { where: { linkState: "LINKED" }, select: { id: true } } } },
      },
    }),
  ]);
  const resources: DiagnosticReport[] = [];
  for (const version of versions) {
    const url = `${context.origin}/api/reports/${version.id}/pdf`;
    // getReportPdf renders the same bytes as the download and writes its REPORT_PDF_DOWNLOADED row.
    const pdf = withPdf ? await getReportPdf({ db, actor, versionId: version.id }) : null;
    resources.push(
      toDiagnosticReport(
        { ...version, signedAt: version.signedAt!, signer: version.signedBy, studyIds: version.request.studies.map((study) => study.id) },
        version.request,
        { url, title: pdf?.fileName ?? `CR-${version.request.accessionNumber}-v${version.sequence}.pdf`, ...(pdf ? { data: pdf.bytes } : {}) },
      ),
    );
  }
  return { resources, total, requestIds: versions.map((version) => version.requestId) };
}
