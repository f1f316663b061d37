import { type InsStatus, insStatusFromCode } from "../identity/ins-status";
import { type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import { componentOf, firstSegment, type Hl7Repetition, type Hl7Tree, repetitionsOf, valueOf } from "./hl7-tree";
import { hl7Date } from "./hl7-timestamp";

// PID as IHE PAM-FR writes it: PID-3 repeats the site's IPP (type PI, with its assigning
// authority) and the INS (type INS, assigning authority one of the INS OIDs); PID-5 repeats the
// names (L = birth name, D = used name); PID-32 is the identity's reliability status.

/** NIR, NIA, and the test and demonstration OIDs of the INS (ANS). */
export const INS_OIDS = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"] as const;

export interface PatientFromPid {
  sitePatientId: string;
  sitePatientIdIssuer: string | null;
  ins: string | null;
  insStatus: InsStatus | null;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD, or the text as sent when it is not a date (the schema then refuses it). */
  birthDate: string;
  /** The form's value, or the code as sent when it is not in table 0001 (refused with 103). */
  sex: string;
}

const SEX_CODES: Record<string, string> = { F: "FEMALE", M: "MALE", O: "OTHER", A: "OTHER", N: "OTHER", U: "UNKNOWN" };
/** PAM-FR statuses that are not an INS qualification level: the identity is at best provisional. */
const NOT_QUALIFYING = new Set(["", "VIDE", "DOUTE", "FICTI"]);

export function readPatient(tree: Hl7Tree): { patient: PatientFromPid | null; problems: Hl7Problem[] } {
  const pid = firstSegment(tree, "PID");
  if (!pid) return { patient: null, problems: [problem(E.SEGMENT_SEQUENCE, "segment PID (identité du patient) absent", { segment: "PID" })] };
  const problems: Hl7Problem[] = [];
  const identifiers = repetitionsOf(pid, 3);
  const isIns = (repetition: Hl7Repetition) =>
    componentOf(repetition, 5).toUpperCase() === "INS" || (INS_OIDS as readonly string[]).includes(componentOf(repetition, 4, 2));
  const insRepetition = identifiers.find(isIns);
  const ippRepetition =
    identifiers.find((repetition) => !isIns(repetition) && componentOf(repetition, 5).toUpperCase() === "PI") ??
    // A RIS that sends one identifier without a type: it is the IPP.
    (identifiers.filter((repetition) => !isIns(repetition)).length === 1 ? identifiers.find((repetition) => !isIns(repetition) && !componentOf(repetition, 5)) : undefined);
  if (!ippRepetition || !componentOf(ippRepetition, 1)) {
    problems.push(problem(E.REQUIRED_FIELD_MISSING, "IPP du patient (PID-3, type PI) absent", { segment: "PID", field: 3 }));
  }

  let insStatus: InsStatus | null = null;
  const statusCode = valueOf(pid, 32, 1).toUpperCase();
  if (NOT_QUALIFYING.has(statusCode)) insStatus = insRepetition ? "PROVISIONAL" : null;
  else {
    insStatus = insStatusFromCode(statusCode);
    if (!insStatus) problems.push(problem(E.TABLE_VALUE_NOT_FOUND, `statut de l'identité « ${statusCode} » inconnu (PROV, RECUP, VALI, QUAL)`, { segment: "PID", field: 32 }));
  }

  const names = repetitionsOf(pid, 5);
  const byType = (type: string) => names.find((name) => componentOf(name, 7).toUpperCase() === type);
  // The birth name is the INS trait and what identity documents carry; the used name only when it is all there is.
  const name = byType("L") ?? byType("D") ?? names[0];
  const givenName = componentOf(name, 2) || (componentOf(name, 3).split(/\s+/)[0] ?? "");

  const sexCode = valueOf(pid, 8, 1).toUpperCase();
  const birthText = valueOf(pid, 7, 1);
  return {
    problems,
    patient: {
      sitePatientId: componentOf(ippRepetition, 1),
      sitePatientIdIssuer: (componentOf(ippRepetition, 4, 1) || componentOf(ippRepetition, 4, 2)).slice(0, 64) || null,
      ins: insRepetition ? componentOf(insRepetition, 1) || null : null,
      insStatus,
      familyName: componentOf(name, 1),
      givenName,
      birthDate: hl7Date(birthText) ?? birthText,
      sex: SEX_CODES[sexCode] ?? sexCode,
    },
  };
}
