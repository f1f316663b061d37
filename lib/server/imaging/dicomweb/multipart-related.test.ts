import { describe, expect, it } from "vitest";
import { MultipartError, parseContentType, readMultipart, type MultipartPart } from "./multipart-related";

// The STOW-RS bodies real senders write: Orthanc's 73-character boundary, unquoted parameters,
// no CRLF after the closing delimiter, header names in any case.

const limits = { maxPartBytes: 1 << 20, maxTotalBytes: 1 << 22 };

async function readAll(body: Buffer, boundary: string, chunkSize = body.length): Promise<MultipartPart[]> {
  async function* chunks() {
    for (let offset = 0; offset < body.length; offset += chunkSize) yield body.subarray(offset, offset + chunkSize);
  }
  const parts: MultipartPart[] = [];
  for await (const part of readMultipart(chunks(), boundary, limits)) parts.push(part);
  return parts;
}

function body(boundary: string, payloads: string[], { closingCrlf = true, headerName = "Content-Type" } = {}): Buffer {
  const parts = payloads.map((payload) => `--${boundary}\r\n${headerName}: application/dicom\r\n\r\n${payload}\r\n`);
  return Buffer.from(`${parts.join("")}--${boundary}--${closingCrlf ? "\r\n" : ""}`, "latin1");
}

describe("parseContentType", () => {
  it.each([
    ['multipart/related; type="application/dicom"; boundary="abc"', "application/dicom", "abc"],
    ["multipart/related; type=application/dicom; boundary=abc", "application/dicom", "abc"],
    ['Multipart/Related;Boundary=abc;TYPE="application/dicom"', "application/dicom", "abc"],
    ['multipart/related; boundary="a;b=c"; type = application/dicom', "application/dicom", "a;b=c"],
  ])("reads %s", (header, type, boundary) => {
    const parsed = parseContentType(header);
    expect(parsed?.mediaType).toBe("multipart/related");
    expect(parsed?.params.type).toBe(type);
    expect(parsed?.params.boundary).toBe(boundary);
  });
});

describe("readMultipart", () => {
  it("reads Orthanc's 73-character boundary, in small chunks", async () => {
    const boundary = "0f1d6a2e-4c5b-4d5e-9f8a-7b6c5d4e3f2a-0f1d6a2e-4c5b-4d5e-9f8a-7b6c5d4e3f2a".slice(0, 73);
    expect(boundary).toHaveLength(73);
    const parts = await readAll(body(boundary, ["first", "second"]), boundary, 7);
    expect(parts.map((part) => part.body.toString())).toEqual(["first", "second"]);
  });

  it("reads a boundary of 200 characters and refuses one of 201 with the reason", async () => {
    const long = "b".repeat(200);
    expect((await readAll(body(long, ["x"]), long)).map((part) => part.body.toString())).toEqual(["x"]);
    const tooLong = "b".repeat(201);
    await expect(readAll(body(tooLong, ["x"]), tooLong)).rejects.toThrow(/boundary: 1 to 200/);
  });

  it("accepts a body without CRLF after the closing delimiter", async () => {
    const parts = await readAll(body("abc", ["payload"], { closingCrlf: false }), "abc");
    expect(parts.map((part) => part.body.toString())).toEqual(["payload"]);
  });

  it("reads part header names whatever their case", async () => {
    const parts = await readAll(body("abc", ["payload"], { headerName: "CONTENT-type" }), "abc");
    expect(parts[0]?.headers["content-type"]).toBe("application/dicom");
  });

  it("still refuses a body cut before its closing delimiter", async () => {
    const cut = body("abc", ["payload"]).subarray(0, 40);
    await expect(readAll(cut, "abc")).rejects.toBeInstanceOf(MultipartError);
  });
});
