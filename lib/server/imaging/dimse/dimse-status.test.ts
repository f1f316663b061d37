import { describe, expect, it } from "vitest";
import { errorComment, storeAnswerOf } from "./dimse-status";

const refused = (code: "CONFLICT" | "TOO_LARGE" | "MISSING_ATTRIBUTE" | "TRUNCATED", message: string) =>
  storeAnswerOf({ status: "refused", code, message, sopInstanceUid: null, sopClassUid: null });

describe("C-STORE status of an ingest outcome", () => {
  it("answers Success for stored and already stored instances, without a comment", () => {
    const stored = { sopInstanceUid: "1.2", sopClassUid: "1.2", studyInstanceUid: "1.2", seriesInstanceUid: "1.2" };
    expect(storeAnswerOf({ status: "stored", ...stored })).toEqual({ status: 0x0000, errorComment: null });
    expect(storeAnswerOf({ status: "already-stored", ...stored })).toEqual({ status: 0x0000, errorComment: null });
  });

  it("answers Warning B000 for an instance stored with a warning, the warning in the comment", () => {
    const stored = { sopInstanceUid: "1.2", sopClassUid: "1.2", studyInstanceUid: "1.2", seriesInstanceUid: "1.2" };
    expect(storeAnswerOf({ status: "stored", warnings: ["Patient's Name: undecodable bytes stored as Latin-1"], ...stored })).toEqual({
      status: 0xb000,
      errorComment: "Patient's Name: undecodable bytes stored as Latin-1",
    });
  });

  it("maps refusals to PS3.4 failure statuses with the reason in the comment", () => {
    expect(refused("CONFLICT", "SOP Instance UID 1.2.3 is already stored with different content")).toEqual({
      status: 0x0111,
      errorComment: "CONFLICT: this SOP Instance UID is stored with other content",
    });
    expect(refused("TOO_LARGE", "too big").status).toBe(0xa700);
    expect(refused("MISSING_ATTRIBUTE", "no (0020,000D)")).toEqual({ status: 0xa900, errorComment: "MISSING_ATTRIBUTE: no (0020,000D)" });
    expect(refused("TRUNCATED", "cut").status).toBe(0xc000);
  });

  it("keeps the comment a valid LO: 64 characters at most, no backslash or control character", () => {
    const comment = errorComment(`a\\b\nc ${"x".repeat(100)}`);
    expect(comment).toHaveLength(64);
    expect(comment.startsWith("a/b c ")).toBe(true);
    expect(comment).not.toMatch(/[\\\x00-\x1f]/);
  });
});
