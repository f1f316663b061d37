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

  it("accepts the Modality Worklist FIND in the little endian syntaxes its identifiers are read in", () => {
    expect(decidePresentationContext("1.2.840.10008.5.1.4.31", [EXPLICIT_LE])).toEqual({ accept: true, transferSyntaxUid: EXPLICIT_LE });
    expect(decidePresentationContext("1.2.840.10008.5.1.4.31", [DEFLATED, "1.2.840.10008.1.2"])).toEqual({ accept: true, transferSyntaxUid: "1.2.840.10008.1.2" });
    expect(decidePresentationContext("1.2.840.10008.5.1.4.31", [DEFLATED, EXPLICIT_BE])).toEqual({ accept: false, reason: "transfer-syntax" });
  });

  it("refuses a context whose transfer syntaxes are all unsupported", () => {
    expect(decidePresentationContext(CT, [DEFLATED, EXPLICIT_BE])).toEqual({ accept: false, reason: "transfer-syntax" });
  });

  it("accepts standard and private storage SOP classes, refuses other services", () => {
    expect(decidePresentationContext("1.2.840.10008.5.1.4.1.1.88.67", [EXPLICIT_LE]).accept).toBe(true); // X-Ray Radiation Dose SR
    expect(decidePresentationContext("1.3.12.2.1107.5.9.1", [EXPLICIT_LE]).accept).toBe(true); // a vendor's private object
    expect(decidePresentationContext("1.2.840.10008.5.1.4.1.2.2.1", [EXPLICIT_LE])).toEqual({ accept: false, reason: "abstract-syntax" }); // Study Root FIND
    expect(decidePresentationContext("1.2.840.10008.1.20.1", [EXPLICIT_LE])).toEqual({ accept: false, reason: "abstract-syntax" }); // Storage Commitment
  });

  it.each([
    ["1.2.840.10008.5.1.4.1.1.66.4", "Segmentation"],
    ["1.2.840.10008.5.1.4.1.1.30", "Parametric Map"],
    ["1.2.840.10008.5.1.4.1.1.481.1", "RT Image"],
    ["1.2.840.10008.5.1.4.1.1.481.2", "RT Dose"],
    ["1.2.840.10008.5.1.4.1.1.481.3", "RT Structure Set"],
    ["1.2.840.10008.5.1.4.1.1.481.5", "RT Plan"],
    ["1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR"],
    ["1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR"],
    ["1.2.840.10008.5.1.4.1.1.88.59", "Key Object Selection"],
    ["1.2.840.10008.5.1.4.1.1.104.1", "Encapsulated PDF"],
    ["1.2.840.10008.5.1.4.1.1.104.2", "Encapsulated CDA"],
    ["1.2.840.10008.5.1.4.1.1.9.1.1", "12-lead ECG Waveform"],
    ["1.2.840.10008.5.1.4.1.1.11.1", "Grayscale Softcopy Presentation State"],
    ["1.2.840.10008.5.1.4.1.1.7", "Secondary Capture"],
    ["1.2.840.10008.5.1.4.1.1.77.1.4", "VL Photographic"],
    ["1.2.840.10008.5.1.4.34.7", "RT Beams Delivery Instruction"],
  ])("accepts %s (%s) for storage", (sopClassUid) => {
    expect(decidePresentationContext(sopClassUid, [IMPLICIT_LE, EXPLICIT_LE])).toEqual({ accept: true, transferSyntaxUid: IMPLICIT_LE });
  });
});
