import { describe, expect, it } from "vitest";
import { queryStringProblem } from "./query-string-check";

describe("DICOMweb query string check", () => {
  it("names the parameter whose value holds a NUL or control character", () => {
    expect(queryStringProblem(new URLSearchParams("PatientName=DUP%00ONT"))).toBe('the value of "PatientName" contains a NUL or control character');
    expect(queryStringProblem(new URLSearchParams("limit=1&StudyDescription=a%0Ab"))).toMatch(/StudyDescription/);
    expect(queryStringProblem(new URLSearchParams("Patient%1BName=x"))).toBe("a query parameter name contains a NUL or control character");
  });

  it("accepts ordinary, empty and non-Latin values", () => {
    expect(queryStringProblem(new URLSearchParams("PatientName=&StudyDate=20240101-&x=%E5%B1%B1%E7%94%B0"))).toBeNull();
  });
});
