import { describe, expect, it } from "vitest";
import { matchFhirRoute } from "./fhir-routes";

describe("matchFhirRoute", () => {
  it("finds the interactions served", () => {
    expect(matchFhirRoute("GET", "/fhir/R4/metadata")).toEqual({ ok: true, route: { kind: "metadata" } });
    expect(matchFhirRoute("GET", "/fhir/R4/Task")).toEqual({ ok: true, route: { kind: "search", type: "Task" } });
    expect(matchFhirRoute("GET", "/fhir/R4/Patient/ab12")).toEqual({ ok: true, route: { kind: "read", type: "Patient", id: "ab12" } });
    expect(matchFhirRoute("POST", "/fhir/R4/ServiceRequest")).toEqual({ ok: true, route: { kind: "create", type: "ServiceRequest" } });
  });

  it("answers 404, 405 or 400 for the rest, with a reason", () => {
    expect(matchFhirRoute("GET", "/fhir/R4/Observation")).toMatchObject({ ok: false, status: 404 });
    expect(matchFhirRoute("GET", "/fhir/R4")).toMatchObject({ ok: false, status: 404 });
    expect(matchFhirRoute("POST", "/fhir/R4/Task")).toMatchObject({ ok: false, status: 405 });
    expect(matchFhirRoute("DELETE", "/fhir/R4/ServiceRequest/ab")).toMatchObject({ ok: false, status: 405 });
    expect(matchFhirRoute("GET", "/fhir/R4/Task/a_b")).toMatchObject({ ok: false, status: 400 });
    expect(matchFhirRoute("GET", "/fhir/R4/Task/ab/_history")).toMatchObject({ ok: false, status: 404 });
  });
});
