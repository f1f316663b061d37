import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { FOLD_TABLE, foldName } from "./fold-person-name";
import { toLikePattern } from "./match-value";
import type { QidoCondition } from "./qido-query";

// QIDO-RS conditions as parameterized SQL over the aliases s (DicomStudy), se (DicomSeries) and
// i (DicomInstance). Identifiers come from the fixed table below, values are always parameters.

const COLUMNS: Record<string, string> = {
  "00080020": `s."studyDate"`,
  "00080030": `s."studyTime"`,
  "00080050": `s."accessionNumber"`,
  "00080090": `s."referringPhysicianName"`,
  "00081030": `s."studyDescription"`,
  "00100010": `s."patientName"`,
  "00100020": `s."patientId"`,
  "00100021": `s."issuerOfPatientId"`,
  "00100030": `s."patientBirthDate"`,
  "00100040": `s."patientSex"`,
  "0020000D": `s."studyInstanceUid"`,
  "00200010": `s."studyId"`,
  "00080060": `se."modality"`,
  "0008103E": `se."seriesDescription"`,
  "00180015": `se."bodyPartExamined"`,
  "0020000E": `se."seriesInstanceUid"`,
  "00200011": `se."seriesNumber"`,
  // Not indexed in a column: read from the header of one instance of the series.
  "00400244": `(SELECT h."metadata"#>>'{00400244,Value,0}' FROM "DicomInstance" h WHERE h."seriesRef" = se."id" LIMIT 1)`,
  "00400245": `(SELECT h."metadata"#>>'{00400245,Value,0}' FROM "DicomInstance" h WHERE h."seriesRef" = se."id" LIMIT 1)`,
  "00080016": `i."sopClassUid"`,
  "00080018": `i."sopInstanceUid"`,
  "00200013": `i."instanceNumber"`,
};

const ESCAPE = Prisma.raw(`ESCAPE '\\'`);

export function conditionSql(condition: QidoCondition): Prisma.Sql {
  const { key } = condition;
  // Modalities in Study: the study has a series of that modality (C.6.2.1.2).
  if (key.tag === "00080061") {
    const modality = valueSql(Prisma.raw(`m."modality"`), condition);
    return Prisma.sql`EXISTS (SELECT 1 FROM "DicomSeries" m WHERE m."studyRef" = s."id" AND ${modality})`;
  }
  const column = COLUMNS[key.tag];
  if (!column) throw new Error(`no column for QIDO key ${key.keyword}`);
  if (condition.kind === "person") return personSql(key.tag, Prisma.raw(column), condition.value, condition.fuzzy);
  return valueSql(Prisma.raw(column), condition);
}

function valueSql(column: Prisma.Sql, condition: QidoCondition): Prisma.Sql {
  switch (condition.kind) {
    case "in":
      return Prisma.sql`${column} IN (${Prisma.join(condition.values)})`;
    case "equals":
      return Prisma.sql`${column} = ${condition.value}`;
    case "like":
      return Prisma.sql`${column} LIKE ${condition.pattern} ${ESCAPE}`;
    case "integer":
      return Prisma.sql`${column} = ${condition.value}`;
    case "range": {
      // Text comparison in byte order: DA and normalized TM sort like the instants they name.
      const value = condition.key.vr === "TM" ? normalizedTime(column) : Prisma.sql`(${column} COLLATE "C")`;
      const from = condition.from === null ? Prisma.sql`TRUE` : Prisma.sql`${value} >= ${condition.from}`;
      const to = condition.to === null ? Prisma.sql`TRUE` : Prisma.sql`${value} <= ${condition.to}`;
      return Prisma.sql`(${column} IS NOT NULL AND ${column} <> '' AND ${from} AND ${to})`;
    }
    case "person":
      return personSql(condition.key.tag, column, condition.value, condition.fuzzy);
    default: {
      const unreachable: never = condition;
      return unreachable;
    }
  }
}

/** A stored TM ("1030", "10:30:00", "103000.25") as "HHMMSS.FFFFFF", like qido-ranges.ts's bounds. */
function normalizedTime(column: Prisma.Sql): Prisma.Sql {
  const compact = Prisma.sql`replace(${column}, ':', '')`;
  return Prisma.sql`((rpad(split_part(${compact}, '.', 1), 6, '0') || '.' || rpad(split_part(${compact}, '.', 2), 6, '0')) COLLATE "C")`;
}

/**
 * PN matching. The study's column holds the alphabetic group; the ideographic and phonetic
 * groups are read from the header of one of the study's instances, only when the query has a
 * non-ASCII character (a Latin query cannot match kanji or hangul, and the lookup costs a
 * subquery per study). Without fuzzymatching a value matches a whole group, case-insensitively
 * (PS3.4 C.2.2.2.1 lets PN ignore case); with it, case and accents are ignored and a value
 * matches a whole group or any one component (family, given, middle, prefix, suffix).
 * A query with "=" matches group by group: each non-empty query group must match a stored group.
 */
function personSql(tag: string, column: Prisma.Sql, value: string, fuzzy: boolean): Prisma.Sql {
  const wantsGroups = /[^\x20-\x7e]/.test(value);
  const otherGroups = Prisma.raw(
    `(SELECT concat_ws('=', gi."metadata"#>>'{${tag},Value,0,Ideographic}', gi."metadata"#>>'{${tag},Value,0,Phonetic}')` +
      ` FROM "DicomSeries" gs JOIN "DicomInstance" gi ON gi."seriesRef" = gs."id" WHERE gs."studyRef" = s."id" LIMIT 1)`,
  );
  const allGroups = wantsGroups ? Prisma.sql`concat_ws('=', ${column}, ${otherGroups})` : Prisma.sql`coalesce(${column}, '')`;
  const queryGroups = value.split("=").map((group) => group.replace(/[\^ ]+$/, "")).filter((group) => group !== "");
  const matches = queryGroups.map((group) => {
    if (!fuzzy) {
      return Prisma.sql`EXISTS (SELECT 1 FROM unnest(string_to_array(${allGroups}, '=')) AS g(v) WHERE rtrim(g.v, '^ ') ILIKE ${toLikePattern(group)} ${ESCAPE})`;
    }
    const folded = Prisma.sql`translate(${allGroups}, ${FOLD_TABLE.from}, ${FOLD_TABLE.to})`;
    const pattern = toLikePattern(foldName(group));
    return Prisma.sql`EXISTS (SELECT 1 FROM unnest(string_to_array(${folded}, '=') || string_to_array(regexp_replace(${folded}, '=', '^', 'g'), '^')) AS g(v)
      WHERE rtrim(g.v, '^ ') LIKE ${pattern} ${ESCAPE})`;
  });
  return matches.length === 0 ? Prisma.sql`TRUE` : Prisma.join(matches, " AND ");
}
