import { describe, expect, it } from "vitest";
import { firstPart } from "./single-part";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | null) => (data ? new TextDecoder().decode(data) : null);

describe("the Part 10 file inside a WADO-RS instance answer", () => {
  it("takes the first part's body out of multipart/related, with a quoted or bare boundary", () => {
    const body = bytes("--b1\r\nContent-Type: application/dicom\r\nContent-Length: 8\r\n\r\nDICM\r\n..\r\n--b1--\r\n");
    expect(text(firstPart(body, 'multipart/related; type="application/dicom"; boundary=b1'))).toBe("DICM\r\n..");
    expect(text(firstPart(body, 'multipart/related; boundary="b1"; type="application/dicom"'))).toBe("DICM\r\n..");
  });

  it("returns a bare application/dicom body as it is, and nothing for a broken multipart", () => {
    expect(text(firstPart(bytes("DICM"), "application/dicom"))).toBe("DICM");
    expect(firstPart(bytes("--b1\r\nContent-Type: application/dicom\r\n\r\nDICM"), "multipart/related; boundary=b1")).toBeNull();
    expect(firstPart(bytes("DICM"), "multipart/related")).toBeNull();
  });
});
