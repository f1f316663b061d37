import { describe, expect, it } from "vitest";
import { patientSearchSchema } from "./patient-search-schema";
import { searchKey, searchTerms, SEARCH_KEY_ACCENTED, SEARCH_KEY_PLAIN } from "./search-key";

describe("searchKey", () => {
  it("drops accents and case, so 'helene' meets 'Hélène'", () => {
    expect(searchKey("Hélène")).toBe(searchKey("helene"));
    expect(searchKey("Hélène")).toBe("HELENE");
  });

  it("spells ligatures out and drops hyphens, apostrophes and spaces", () => {
    expect(searchKey("Lefèvre-Cœur")).toBe("LEFEVRECOEUR");
    expect(searchKey("d'Aumale Æsa")).toBe("DAUMALEAESA");
    expect(searchKey("Strauß")).toBe("STRAUSS");
  });

  it("treats a name typed in decomposed form (NFD) like the composed one", () => {
    expect(searchKey("He\u0301le\u0300ne")).toBe("HELENE");
  });

  // The database's generated column translates these tables: the JavaScript side must agree on
  // every letter, or a name found by one would be missed by the other.
  it("agrees with the SQL twin's translate() table letter by letter", () => {
    const accented = [...SEARCH_KEY_ACCENTED];
    const plain = [...SEARCH_KEY_PLAIN];
    expect(accented.length).toBe(plain.length);
    accented.forEach((letter, index) => expect(searchKey(letter)).toBe(plain[index]!.toUpperCase()));
  });
});

describe("searchTerms", () => {
  it("splits on spaces and punctuation, each word a key", () => {
    expect(searchTerms("  hélène,  Brûlé ")).toEqual(["HELENE", "BRULE"]);
    expect(searchTerms("Jean-Pierre")).toEqual(["JEAN", "PIERRE"]);
  });

  it("has no word for punctuation alone", () => {
    expect(searchTerms("--- ..")).toEqual([]);
  });
});

describe("patientSearchSchema", () => {
  it("accepts a name and trims it", () => {
    expect(patientSearchSchema.parse({ query: "  Hélène " })).toEqual({ query: "Hélène" });
  });

  it("refuses a query too short, too long, made of punctuation, or with control characters", () => {
    const issue = (query: string) => patientSearchSchema.safeParse({ query }).error?.issues[0]?.message;
    expect(issue("h")).toBe("search.tooShort");
    expect(issue("x".repeat(65))).toBe("validation.tooLong");
    expect(issue("--")).toBe("search.tooShort");
    expect(issue("Dup\u0000ont")).toBe("validation.invalid");
  });
});
