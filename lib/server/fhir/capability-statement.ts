import type { CapabilityStatement } from "@medplum/fhirtypes";
import { FHIR_JSON, FHIR_VERSION } from "@/lib/domain/fhir/fhir-codes";
import { SEARCH_PARAMS, type SearchableType } from "@/lib/domain/fhir/search-params";

// What the FHIR API offers (GET /fhir/R4/metadata, no token needed): the resources, their
// interactions and search parameters, and how to authenticate: an OAuth2 access token of the
// installation's OpenID provider, without SMART on FHIR's launch and scopes.

const PARAM_TYPES: Record<string, "token" | "reference" | "date" | "number" | "string"> = {
  _count: "number",
  _offset: "number",
  _id: "token",
  identifier: "token",
  "patient.identifier": "token",
  "subject:Patient.identifier": "token",
  patient: "reference",
  subject: "reference",
  focus: "reference",
  "based-on": "reference",
  basedon: "reference",
  status: "token",
  authored: "date",
  date: "date",
};

export function capabilityStatement(base: string, oidcIssuer: string | null, now: Date = new Date()): CapabilityStatement {
  const resource = (type: SearchableType, interactions: ("read" | "search-type" | "create")[], documentation: string) => ({
    type,
    documentation,
    interaction: interactions.map((code) => ({ code })),
    ...(interactions.includes("create") ? { conditionalCreate: false } : {}),
    searchParam: SEARCH_PARAMS[type].filter((name) => name !== "_format").map((name) => ({ name, type: PARAM_TYPES[name] ?? "token" })),
  });
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: now.toISOString(),
    kind: "instance",
    software: { name: "Télé-radiologie territoriale" },
    implementation: { description: "Télé-radiologie territoriale: FHIR R4 API for EHRs", url: base },
    fhirVersion: FHIR_VERSION,
    format: [FHIR_JSON, "application/json"],
    rest: [
      {
        mode: "server",
        security: {
          cors: false,
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "OAuth", display: "OAuth" }] }],
          description: oidcIssuer
            ? `Authorization: Bearer <access token> issued by the OpenID provider ${oidcIssuer} (the one users sign in with); the user is matched by RPPS. No SMART on FHIR launch nor scopes.`
            : "Bearer tokens are not enabled on this installation (no OpenID provider configured).",
        },
        resource: [
          resource("ServiceRequest", ["create", "read", "search-type"], "A télédiagnostic request. create: by a referring physician, for their site; identifier (the EHR's order number) makes it idempotent."),
          resource("Task", ["read", "search-type"], "The request's workflow state (same id as the ServiceRequest)."),
          resource("ImagingStudy", ["read", "search-type"], "DICOM studies confirmed as a request's images."),
          resource("DiagnosticReport", ["read", "search-type"], "Each signed report version (final) and addendum (amended); read embeds the PDF."),
          resource("Patient", ["read", "search-type"], "The patient as a site knows them (its IPP); INS only for a qualified identity."),
        ],
      },
    ],
  };
}
