import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realWorldCorpus } from "@/lib/testing/corpus/real-world-corpus";
import { parseInstance } from "./parse-instance";

// Values longer than their VR allows: descriptions are indexed cut with a warning, identifiers
// refused (a cut identifier could name someone else).

// Built (once, into the cache) while the file is collected: no test's timeout covers the build.
const corpus = realWorldCorpus();
const crafted = (name: string) => new Uint8Array(readFileSync(corpus.find((entry) => entry.name === `crafted/${name}`)!.file));

describe("overlong values", () => {
  it("cuts a Study Description to 64 characters for the index, keeps it whole in the metadata, and warns", () => {
    const parsed = parseInstance(crafted("overlong-description"));
    expect(parsed.study.description).toHaveLength(64);
    expect(String(parsed.metadata["00081030"]?.Value?.[0]).length).toBeGreaterThan(64);
    expect(parsed.warnings).toEqual([expect.stringMatching(/Study Description \(0008,1030\) is longer than 64/)]);
  });

  it("refuses a Patient ID longer than 64 characters", () => {
    expect(() => parseInstance(crafted("overlong-patient-id"))).toThrow(/Patient ID \(0010,0020\) is longer than 64/);
  });
});
