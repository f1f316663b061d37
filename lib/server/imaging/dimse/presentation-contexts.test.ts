import { describe, expect, it } from "vitest";
import { decidePresentationContext, VERIFICATION_SOP_CLASS } from "./presentation-contexts";

const CT = "1.2.840.10008.5.1.4.1.1.2";
const EXPLICIT_LE = "1.2.840.10008.1.2.1";
const IMPLICIT_LE = "1.2.840.10008.1.2";
const EXPLICIT_BE = "1.2.840.10008.1.2.2";
const DEFLATED = "1.2.840.10008.1.2.1.99";
const RLE = "1.2.840.10008.1.2.5";

describe("presentation context negotiation", () => {
  it("takes the first proposed transfer syntax the archive stores as received", () => {
    expect(decidePresentationContext(CT, [EXPLICIT_BE, RLE, EXPLICIT_LE])).toEqual({ accept: true, transferSyntaxUid: RLE });
    expect(decidePresentationContext(VERIFICATION_SOP_CLASS, [IMPLICIT_LE])).toEqual({ accept: true, transferSyntaxUid: IMPLICIT_LE });
  });

  it("refuses a context whose transfer syntaxes are all unsupported", () => {
    expect(decidePresentationContext(CT, [DEFLATED, EXPLICIT_BE])).toEqual({ accept: false, reason: "transfer-syntax" });
  });

  it("accepts standard and private storage SOP classes, refuses other services", () => {
    expect(decidePresentationContext("1.2.840.10008.5.1.4.1.1.88.67", [EXPLICIT_LE]).accept).toBe(true); // X-Ray Radiation Dose SR
    expect(decidePresentationContext("1.3.12.2.1107.5.9.1", [EXPLICIT_LE]).accept).toBe(true); // a vendor's private object
    expect(decidePresentationContext("1.2.840.10008.5.1.4.1.2.2.1", [EXPLICIT_LE])).toEqual({ accept: false, reason: "abstract-syntax" }); // Study Root FIND
    expect(decidePresentationContext("1.2.840.10008.5.1.4.31", [EXPLICIT_LE])).toEqual({ accept: false, reason: "abstract-syntax" }); // Worklist
    expect(decidePresentationContext("1.2.840.10008.1.20.1", [EXPLICIT_LE])).toEqual({ accept: false, reason: "abstract-syntax" }); // Storage Commitment
  });
});
