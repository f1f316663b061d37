import { describe, expect, it } from "vitest";
import { hasWildcard, isUniversal, listValues, toLikePattern } from "./match-value";

describe("QIDO value matching", () => {
  it("turns * and ? anywhere into LIKE wildcards", () => {
    expect(toLikePattern("DUP*")).toBe("DUP%");
    expect(toLikePattern("*ON?")).toBe("%ON_");
    expect(toLikePattern("D*P?NT")).toBe("D%P_NT");
  });

  it("keeps %, _ and backslash literal", () => {
    expect(toLikePattern("50%_A\\B*")).toBe("50\\%\\_A\\\\B%");
  });

  it("treats an empty value or only stars as universal matching", () => {
    expect(isUniversal("")).toBe(true);
    expect(isUniversal("**")).toBe(true);
    expect(isUniversal("*A")).toBe(false);
    expect(hasWildcard("A?")).toBe(true);
    expect(hasWildcard("A%")).toBe(false);
  });

  it("splits UID lists on backslash or comma", () => {
    expect(listValues("1.2.3\\1.2.4,1.2.5\\")).toEqual(["1.2.3", "1.2.4", "1.2.5"]);
  });
});
