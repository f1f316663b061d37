import "server-only";
import { hasWorklist, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { PATIENT_SEARCH_LIMIT } from "@/lib/domain/patient-search/patient-search-schema";
import { searchTerms } from "@/lib/domain/patient-search/search-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { toWorklistRow, worklistRowSelect, type WorklistRow } from "../requests/request-dto";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface PatientSearchResult extends WorklistRow {
  sitePatientId: string;
  accessionNumber: string;
}

export interface PatientSearchAnswer {
  results: PatientSearchResult[];
  /** More requests matched than PATIENT_SEARCH_LIMIT: the user should narrow the query. */
  truncated: boolean;
}

/**
 * The requests whose patient matches the query, among those the actor may see: by name (every
 * word, accents and case ignored), or exactly by IPP, INS or accession number (ours or the
 * site's). Most recent first. Every search is audited with what was typed and what it found,
 * a search that found nothing included (looking for a patient is itself a trace).
 */
export async function searchPatients(args: { db: Db; actor: Actor; query: string }): Promise<PatientSearchAnswer> {
  const { db, actor, query } = args;
  if (!hasWorklist(actor)) throw new AppError("FORBIDDEN", "No patient data for this role");

  const records = await db.readingRequest.findMany({
    where: { AND: [visibleRequestsWhere(actor), { OR: matchConditions(query) }] },
    select: { ...worklistRowSelect, sitePatientId: true, accessionNumber: true },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    // One more than shown tells whether there were more.
    take: PATIENT_SEARCH_LIMIT + 1,
  });
  const shown = records.slice(0, PATIENT_SEARCH_LIMIT);
  const truncated = records.length > PATIENT_SEARCH_LIMIT;

  // Written before the answer leaves: without its audit row, no patient data is shown.
  await writeAudit(db, {
    actorId: actor.id,
    action: "PATIENTS_SEARCHED",
    entityType: "PatientSearch",
    detail: { query, count: shown.length, truncated, requestIds: shown.map((r) => r.id) },
  });

  return {
    results: shown.map((record) => ({ ...toWorklistRow(record), sitePatientId: record.sitePatientId, accessionNumber: record.accessionNumber })),
    truncated,
  };
}

function matchConditions(query: string): Prisma.ReadingRequestWhereInput[] {
  const conditions: Prisma.ReadingRequestWhereInput[] = [
    // Identifiers match whole, never by part: "12" must not list every IPP containing 12.
    { sitePatientId: identifierEquals(query) },
    { accessionNumber: query.toUpperCase() },
    { siteAccessionNumber: identifierEquals(query) },
  ];
  // An INS is often read out and typed in groups ("2 48 07 75 123 456 78").
  const ins = query.replace(/\s+/g, "").toUpperCase();
  if (/^\d{5}(\d{2}|2A|2B)\d{8}$/.test(ins)) conditions.push({ patientIns: ins });
  const terms = searchTerms(query);
  // Terms hold only A-Z and 0-9, so LIKE's wildcards cannot slip in through them.
  if (terms.length > 0) conditions.push({ AND: terms.map((term) => ({ patientNameKey: { contains: term } })) });
  return conditions;
}

/**
 * An identifier typed in any case. Prisma writes a case-insensitive `equals` as ILIKE without
 * escaping, so "%" or "_" in the query would act as wildcards ("IPP-12%" listing every IPP
 * starting so): such a query is compared exactly, case included.
 */
function identifierEquals(query: string): Prisma.StringFilter<"ReadingRequest"> {
  return /[%_\\]/.test(query) ? { equals: query } : { equals: query, mode: "insensitive" };
}
