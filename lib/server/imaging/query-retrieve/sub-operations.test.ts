import { describe, expect, it } from "vitest";
import { chooseEncoding, countOutcome, finalStatus, startCounts } from "./sub-operations";

const CT = "1.2.840.10008.5.1.4.1.1.2";
const EXPLICIT = "1.2.840.10008.1.2.1";
const IMPLICIT = "1.2.840.10008.1.2";
const JPEG_LS = "1.2.840.10008.1.2.4.80";

describe("C-STORE sub-operations", () => {
  it("sends as stored when the syntax was accepted, converts between uncompressed ones, never decompresses", () => {
    expect(chooseEncoding([{ abstractSyntaxUid: CT, transferSyntaxUid: EXPLICIT }], CT, EXPLICIT)).toEqual({ kind: "as-stored" });
    expect(chooseEncoding([{ abstractSyntaxUid: CT, transferSyntaxUid: IMPLICIT }], CT, EXPLICIT)).toEqual({ kind: "converted" });
    expect(chooseEncoding([{ abstractSyntaxUid: CT, transferSyntaxUid: IMPLICIT }], CT, JPEG_LS).kind).toBe("none");
    expect(chooseEncoding([], CT, EXPLICIT).kind).toBe("none");
  });

  it("counts outcomes and picks the final status", () => {
    const counts = startCounts(3);
    countOutcome(counts, "1", 0x0000);
    countOutcome(counts, "2", 0xb007);
    expect(finalStatus(counts, false)).toBe(0xb000);
    countOutcome(counts, "3", 0xa700);
    expect(counts).toEqual({ remaining: 0, completed: 1, failed: 1, warning: 1, failedUids: ["3"] });
    expect(finalStatus(counts, true)).toBe(0xfe00);

    const none = startCounts(1);
    countOutcome(none, "9", null);
    expect(finalStatus(none, false)).toBe(0xa702);
    expect(finalStatus(startCounts(0), false)).toBe(0x0000);
  });
});
