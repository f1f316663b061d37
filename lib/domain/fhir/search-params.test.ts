import { describe, expect, it } from "vitest";
import { DEFAULT_COUNT, parseDateParam, parseSearch } from "./search-params";

const parse = (type: Parameters<typeof parseSearch>[0], query: string) => parseSearch(type, new URLSearchParams(query));

describe("parseSearch", () => {
  it("reads tokens with or without a system, references with or without their type", () => {
    expect(parse("ServiceRequest", "patient.identifier=urn:oid:1.2.3|IPP42&status=active,on-hold&subject=Patient/abc")).toEqual({
      ok: true,
      query: { count: DEFAULT_COUNT, offset: 0, patientIdentifier: { system: "urn:oid:1.2.3", value: "IPP42" }, statuses: ["active", "on-hold"], patientId: "abc" },
    });
    expect(parse("Task", "focus=ServiceRequest/0b4d")).toMatchObject({ ok: true, query: { requestId: "0b4d" } });
    expect(parse("DiagnosticReport", "based-on=0b4d&_count=5&_offset=10")).toMatchObject({ ok: true, query: { requestId: "0b4d", count: 5, offset: 10 } });
    expect(parse("Patient", "identifier=IPP42")).toMatchObject({ ok: true, query: { identifier: { system: null, value: "IPP42" } } });
  });

  it("refuses a parameter the resource is not searched by, rather than ignore it", () => {
    const parsed = parse("Patient", "name=MARTIN");
    expect(parsed).toMatchObject({ ok: false, issues: [{ code: "not-supported", expression: "name" }] });
  });

  it("refuses malformed values, each named", () => {
    expect(parse("ServiceRequest", "_count=1000")).toMatchObject({ ok: false, issues: [{ expression: "_count" }] });
    expect(parse("ServiceRequest", "authored=yesterday")).toMatchObject({ ok: false, issues: [{ expression: "authored" }] });
    expect(parse("ServiceRequest", "status=active&status=revoked")).toMatchObject({ ok: false, issues: [{ diagnostics: "status: given more than once" }] });
    expect(parse("Task", "patient=Patient/x y")).toMatchObject({ ok: false });
  });

  it("intersects repeated dates into one range", () => {
    expect(parse("ServiceRequest", "authored=ge2026-12-01&authored=le2026-12-07")).toMatchObject({
      ok: true,
      query: { date: { gte: new Date("2026-12-01T00:00:00Z"), lt: new Date("2026-12-08T00:00:00Z") } },
    });
  });
});

describe("parseDateParam", () => {
  it("applies each prefix at the value's precision", () => {
    expect(parseDateParam("2026-12-07")).toEqual({ gte: new Date("2026-12-07T00:00:00Z"), lt: new Date("2026-12-08T00:00:00Z") });
    expect(parseDateParam("gt2026-12")).toEqual({ gte: new Date("2027-01-01T00:00:00Z") });
    expect(parseDateParam("lt2026")).toEqual({ lt: new Date("2026-01-01T00:00:00Z") });
    expect(parseDateParam("le2026-12-07T10:15")).toEqual({ lt: new Date("2026-12-07T10:16:00Z") });
    expect(parseDateParam("ge2026-12-07T10:15:00+01:00")).toEqual({ gte: new Date("2026-12-07T09:15:00Z") });
    expect(parseDateParam("2026-13-45")).toBeNull();
    expect(parseDateParam("ne2026")).toBeNull();
  });
});
