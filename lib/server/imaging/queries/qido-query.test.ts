import { describe, expect, it } from "vitest";
import { parseQidoQuery, type QidoQuery } from "./qido-query";

function parse(text: string): QidoQuery {
  const parsed = parseQidoQuery(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

function refusal(text: string): string {
  const parsed = parseQidoQuery(new URLSearchParams(text));
  if (parsed.ok) throw new Error(`accepted: ${text}`);
  return parsed.message;
}

describe("QIDO-RS query parameters", () => {
  it("matches on the identity keys an identity check sends, by keyword or tag", () => {
    const query = parse("PatientBirthDate=19600101-19601231&00100040=F&StudyTime=0800-1200&Modality=CT");
    expect(query.conditions.map((c) => [c.key.keyword, c.kind])).toEqual([
      ["PatientBirthDate", "range"],
      ["PatientSex", "in"],
      ["StudyTime", "range"],
      ["Modality", "in"],
    ]);
  });

  it("treats an empty value as universal matching: no condition, the attribute is returned", () => {
    const query = parse("PatientBirthDate=&PatientName=*");
    expect(query.conditions).toEqual([]);
    expect([...query.returnTags]).toEqual(["00100030", "00100010"]);
  });

  it("ignores unknown attributes and includefield keywords instead of refusing the search", () => {
    const query = parse("OtherPatientIDs=X&NotAKeyword=1&includefield=NoSuchKeyword,00081030,Rows");
    expect(query.conditions).toEqual([]);
    expect(query.includeFields).toEqual(new Set(["00081030", "00280010"]));
  });

  it("applies fuzzymatching to person names wherever it appears in the query", () => {
    const [condition] = parse("PatientName=dupont&fuzzymatching=true").conditions;
    expect(condition).toMatchObject({ kind: "person", value: "dupont", fuzzy: true });
  });

  it("reads wildcards anywhere as a LIKE pattern with % and _ literal", () => {
    const [condition] = parse("AccessionNumber=A?_1*%").conditions;
    expect(condition).toMatchObject({ kind: "like", pattern: "A_\\_1%\\%" });
  });

  it("refuses a malformed value of a known key with the reason", () => {
    expect(refusal("PatientBirthDate=1960-01-01")).toMatch(/PatientBirthDate must be a date/);
    expect(refusal("StudyTime=25")).toMatch(/StudyTime must be a time/);
    expect(refusal("StudyDate=20240101-20230101")).toMatch(/A ≤ B/);
    expect(refusal("SeriesNumber=two")).toMatch(/SeriesNumber must be an integer/);
    expect(refusal("StudyInstanceUID=1.2.abc")).toMatch(/StudyInstanceUID must be a UID/);
    expect(refusal("limit=-1")).toMatch(/limit/);
    expect(refusal("fuzzymatching=yes")).toMatch(/fuzzymatching/);
  });
});
