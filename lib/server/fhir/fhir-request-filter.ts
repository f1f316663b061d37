import "server-only";
import { requestScope, type Actor } from "@/lib/domain/access";
import { INS_NIR_SYSTEM, requestStatusesFor } from "@/lib/domain/fhir/fhir-codes";
import { PATIENT_ID } from "@/lib/domain/fhir/patient-id";
import type { SearchQuery, Token } from "@/lib/domain/fhir/search-params";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db/client";
import { visibleRequestsWhere } from "../services/requests/request-scope";

// Every FHIR query starts from the requests the caller sees in the UI (request-scope.ts): a
// referrer their site's, a radiologist the sites they read for, the head all. A resource outside
// that scope answers exactly like a missing one (404, or absent from a search).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTHING: Prisma.ReadingRequestWhereInput = { id: { in: [] } };

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** The (site, IPP) a Patient id stands for, among the requests the caller sees; null if none. */
export async function resolvePatientId(db: Db, actor: Actor, patientId: string): Promise<{ siteId: string; sitePatientId: string } | null> {
  if (!PATIENT_ID.test(patientId)) return null;
  const scope = requestScope(actor);
  if (scope.kind === "sites" && scope.siteIds.length === 0) return null;
  const siteFilter = scope.kind === "all" ? Prisma.empty : Prisma.sql`AND "siteId" IN (${Prisma.join(scope.siteIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  const rows = await db.$queryRaw<{ siteId: string; sitePatientId: string }[]>`
    SELECT "siteId"::text AS "siteId", "sitePatientId" FROM "ReadingRequest"
    WHERE encode(sha256(convert_to("siteId"::text || '|' || "sitePatientId", 'UTF8')), 'hex') = ${patientId} ${siteFilter}
    LIMIT 1`;
  return rows[0] ?? null;
}

function patientIdentifierWhere(token: Token): Prisma.ReadingRequestWhereInput {
  if (token.system === INS_NIR_SYSTEM) return { patientIns: token.value.replace(/\s+/g, "").toUpperCase(), patientInsStatus: "QUALIFIED" };
  const oid = /^urn:oid:([0-9.]+)$/.exec(token.system ?? "")?.[1];
  if (oid) return { sitePatientId: token.value, OR: [{ sitePatientIdIssuer: oid }, { sitePatientIdIssuer: null }] };
  const site = /^urn:teleradio:fhir:site:([0-9a-f-]{36}):ipp$/i.exec(token.system ?? "")?.[1];
  // Only a real UUID reaches the uuid column: anything else matches nothing (never a database error).
  if (site !== undefined && !isUuid(site)) return { id: { in: [] } };
  if (site) return { sitePatientId: token.value, siteId: site };
  return { sitePatientId: token.value };
}

/**
 * The requests a search names, within the caller's scope. `statusTable` says which FHIR status
 * vocabulary `status` is in; `dateColumn` which column `date`/`authored` filters (null: none).
 */
export async function fhirRequestWhere(
  db: Db,
  actor: Actor,
  query: SearchQuery,
  options: { statusTable?: "ServiceRequest" | "Task"; dateColumn?: "submittedAt" | null; identifierColumns?: boolean },
): Promise<Prisma.ReadingRequestWhereInput> {
  const and: Prisma.ReadingRequestWhereInput[] = [visibleRequestsWhere(actor)];
  if (query.requestId !== undefined) and.push(isUuid(query.requestId) ? { id: query.requestId } : NOTHING);
  if (query.patientIdentifier) and.push(patientIdentifierWhere(query.patientIdentifier));
  if (query.identifier && options.identifierColumns) and.push({ OR: [{ placerOrderNumber: query.identifier.value }, { accessionNumber: query.identifier.value }] });
  if (query.patientId !== undefined) {
    const patient = await resolvePatientId(db, actor, query.patientId);
    and.push(patient ? { siteId: patient.siteId, sitePatientId: patient.sitePatientId } : NOTHING);
  }
  if (query.statuses && options.statusTable) {
    const table = options.statusTable;
    and.push({ status: { in: query.statuses.flatMap((status) => requestStatusesFor(table, status)) } });
  }
  if (query.date && options.dateColumn) and.push({ [options.dateColumn]: { ...(query.date.gte ? { gte: query.date.gte } : {}), ...(query.date.lt ? { lt: query.date.lt } : {}) } });
  return { AND: and };
}

/** What the mappers read of a request (fhir-resources.ts RequestRow). */
export const REQUEST_ROW_SELECT = {
  id: true,
  siteId: true,
  status: true,
  priority: true,
  modality: true,
  bodyRegion: true,
  clinicalContext: true,
  clinicalQuestion: true,
  requestedTechnique: true,
  accessionNumber: true,
  placerOrderNumber: true,
  submittedAt: true,
  updatedAt: true,
  sitePatientId: true,
  sitePatientIdIssuer: true,
  patientFamilyName: true,
  patientGivenName: true,
  patientBirthDate: true,
  patientSex: true,
  patientIns: true,
  patientInsStatus: true,
  requester: { select: { id: true, displayName: true, rpps: true } },
  holder: { select: { id: true, displayName: true, rpps: true } },
} satisfies Prisma.ReadingRequestSelect;

export const IDENTITY_SELECT = {
  siteId: true,
  sitePatientId: true,
  sitePatientIdIssuer: true,
  patientFamilyName: true,
  patientGivenName: true,
  patientBirthDate: true,
  patientSex: true,
  patientIns: true,
  patientInsStatus: true,
} satisfies Prisma.ReadingRequestSelect;
