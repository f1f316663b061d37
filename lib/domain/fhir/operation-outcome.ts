import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";

// Every refusal of the FHIR API is an OperationOutcome (FHIR R4 §3.1.0.6): the HTTP status says
// how bad, each issue says what and where (`expression`, a FHIRPath into the sent resource).

export interface FhirIssue {
  code: OperationOutcomeIssue["code"];
  diagnostics: string;
  expression?: string;
  severity?: "error" | "warning" | "information";
}

export function operationOutcome(issues: readonly FhirIssue[]): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: issues.map((issue) => ({
      severity: issue.severity ?? "error",
      code: issue.code,
      diagnostics: issue.diagnostics,
      ...(issue.expression ? { expression: [issue.expression] } : {}),
    })),
  };
}

/** A refusal: the status and its issues; thrown by the server's use cases, answered by the handler. */
export class FhirProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 406 | 409 | 410 | 412 | 413 | 415 | 422 | 503,
    readonly issues: readonly FhirIssue[],
  ) {
    super(issues.map((issue) => issue.diagnostics).join("; "));
  }

  static of(status: FhirProblem["status"], code: FhirIssue["code"], diagnostics: string, expression?: string): FhirProblem {
    return new FhirProblem(status, [{ code, diagnostics, ...(expression ? { expression } : {}) }]);
  }
}
