import { describe, expect, it } from "vitest";
import { seriesContent } from "./viewer-opening";

describe("what a series holds", () => {
  it("is an image series as soon as one instance has pixel data, whatever else it holds", () => {
    expect(seriesContent({ IMAGE: 1, STRUCTURED_REPORT: 3 })).toBe("IMAGE");
  });

  it("is otherwise its most frequent document kind, reports first on a tie", () => {
    expect(seriesContent({ STRUCTURED_REPORT: 1 })).toBe("STRUCTURED_REPORT");
    expect(seriesContent({ WAVEFORM: 2, ENCAPSULATED_DOCUMENT: 1 })).toBe("WAVEFORM");
    expect(seriesContent({ ENCAPSULATED_DOCUMENT: 1, STRUCTURED_REPORT: 1 })).toBe("STRUCTURED_REPORT");
  });

  it("is OTHER when it holds nothing known (or nothing yet)", () => {
    expect(seriesContent({})).toBe("OTHER");
    expect(seriesContent({ IMAGE: 0, OTHER: 2 })).toBe("OTHER");
  });
});
