import "server-only";
import { isSiteStaffOf, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { normalizeName } from "@/lib/domain/identity-match";
import { isGenericPatientId } from "@/lib/domain/generic-patient-id";
import { canViewUnlinkedStudy } from "@/lib/domain/image-access";
import { hasSearchCriteria, nameSearchTerms, UNLINKED_STUDIES_PAGE_SIZE, type UnlinkedStudySearch } from "@/lib/domain/unlinked-study-search-schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../../services/requests/request-scope";
import { studySummarySelect, toStudySummary, type StudySummary } from "./study-summary";

export interface UnlinkedStudyPage {
  studies: StudySummary[];
  total: number;
  page: number;
  pageSize: number;
  /** No criteria were given: only studies whose identity matches the request's patient are shown. */
  samePatientOnly: boolean;
}

/**
 * The site's staff look for the study to link to a request among their site's unlinked
 * studies. Other patients' studies only show when the user searches for them (a list of every
 * recent patient on the page invites the wrong click), and each search that answers with
 * patients' identities leaves an audit row saying who looked for what and what they saw.
 */
export async function searchUnlinkedStudies(args: { db: Db; actor: Actor; search: UnlinkedStudySearch }): Promise<UnlinkedStudyPage> {
  const { db, actor, search } = args;
  const request = await db.readingRequest.findFirst({
    where: { AND: [{ id: search.requestId }, visibleRequestsWhere(actor)] },
    select: { id: true, siteId: true, sitePatientId: true, patientFamilyName: true, patientGivenName: true, patientBirthDate: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  if (!isSiteStaffOf(actor, request.siteId)) throw new AppError("FORBIDDEN", "Only the requesting site's staff link images");

  const samePatientOnly = !hasSearchCriteria(search);
  const conditions = [Prisma.sql`s."siteId" = ${request.siteId}::uuid`, Prisma.sql`s."requestId" IS NULL`];
  if (samePatientOnly) conditions.push(samePatientCondition(request));
  else conditions.push(...criteriaConditions(search));
  const where = Prisma.join(conditions, " AND ");
  const pageSize = UNLINKED_STUDIES_PAGE_SIZE;
  const offset = (search.page - 1) * pageSize;
  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
    SELECT s."id", COUNT(*) OVER () AS "total" FROM "DicomStudy" s WHERE ${where}
    ORDER BY s."lastInstanceAt" DESC, s."id" LIMIT ${pageSize} OFFSET ${offset}`;
  const total = rows[0] ? Number(rows[0].total) : await countBeyondLastPage(db, where, offset);
  const found = await db.dicomStudy.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: studySummarySelect });
  const byId = new Map(found.map((study) => [study.id, study]));
  const viewable = canViewUnlinkedStudy(actor, request);
  const studies = rows.flatMap((row) => {
    const study = byId.get(row.id);
    return study ? [toStudySummary(study, viewable)] : [];
  });

  if (studies.length > 0) {
    bufferReadAudit(db, {
      actorId: actor.id,
      action: "UNLINKED_STUDIES_SEARCHED",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
      detail: { criteria: criteriaOf(search), page: search.page, studyIds: studies.map((s) => s.id) },
    });
  }
  return { studies, total, page: search.page, pageSize, samePatientOnly };
}

// The SQL twin of normalizeName (lib/domain/identity-match.ts): accents off, upper case,
// letters and digits only. DICOM names are mostly upper-case ASCII, requests are typed with
// accents: both must meet. translate() covers Latin-1 and Latin Extended-A's French letters.
const ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY";
function normalizedSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`regexp_replace(upper(translate(${expression}, ${ACCENTED}, ${PLAIN})), '[^A-Z0-9]', '', 'g')`;
}
// The alphabetic group of a PN ("Family^Given=Ideographic=Phonetic"): what people type.
const alphabeticName = Prisma.sql`split_part(s."patientName", '=', 1)`;

/**
 * The request's patient: the same IPP, or the same family and given names and birth date. A
 * generic IPP ("UNKNOWN", "0") names nobody: it would list every study sent without an ID.
 */
function samePatientCondition(request: { sitePatientId: string; patientFamilyName: string; patientGivenName: string; patientBirthDate: Date }): Prisma.Sql {
  const ipp = request.sitePatientId.trim().toUpperCase();
  const birthDate = request.patientBirthDate.toISOString().slice(0, 10).replaceAll("-", "");
  const family = normalizeName(request.patientFamilyName);
  const given = normalizeName(request.patientGivenName);
  const byIpp = isGenericPatientId(ipp) ? Prisma.sql`FALSE` : Prisma.sql`upper(btrim(s."patientId")) = ${ipp}`;
  const byTraits =
    family === "" || given === ""
      ? Prisma.sql`FALSE`
      : Prisma.sql`(s."patientBirthDate" = ${birthDate}
          AND ${normalizedSql(Prisma.sql`split_part(${alphabeticName}, '^', 1)`)} = ${family}
          AND ${normalizedSql(Prisma.sql`split_part(${alphabeticName}, '^', 2)`)} = ${given})`;
  return Prisma.sql`(${byIpp} OR ${byTraits})`;
}

function criteriaConditions(search: UnlinkedStudySearch): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  // Every word typed must be part of the name, in any order ("jeanne dupont" finds DUPONT^JEANNE).
  for (const term of nameSearchTerms(search.name ?? "")) {
    conditions.push(Prisma.sql`strpos(${normalizedSql(alphabeticName)}, ${term}) > 0`);
  }
  if (search.patientId) conditions.push(Prisma.sql`upper(btrim(s."patientId")) LIKE ${`${escapeLike(search.patientId.toUpperCase())}%`}`);
  if (search.accessionNumber) conditions.push(Prisma.sql`upper(btrim(s."accessionNumber")) LIKE ${`${escapeLike(search.accessionNumber.toUpperCase())}%`}`);
  if (search.dateFrom) conditions.push(Prisma.sql`s."studyDate" >= ${search.dateFrom.replaceAll("-", "")}`);
  if (search.dateTo) conditions.push(Prisma.sql`s."studyDate" <= ${search.dateTo.replaceAll("-", "")}`);
  if (search.modality) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "DicomSeries" x WHERE x."studyRef" = s."id" AND upper(x."modality") = ${search.modality})`);
  }
  return conditions;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page past the end has no row to carry the window count: count on its own. */
async function countBeyondLastPage(db: Db, where: Prisma.Sql, offset: number): Promise<number> {
  if (offset === 0) return 0;
  const [row] = await db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS "total" FROM "DicomStudy" s WHERE ${where}`;
  return row ? Number(row.total) : 0;
}

function criteriaOf(search: UnlinkedStudySearch): Record<string, string> {
  const entries = Object.entries({ name: search.name, patientId: search.patientId, accessionNumber: search.accessionNumber, dateFrom: search.dateFrom, dateTo: search.dateTo, modality: search.modality });
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}
