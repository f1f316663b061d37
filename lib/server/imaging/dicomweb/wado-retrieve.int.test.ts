import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import dicomParser from "dicom-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { dicomwebClientSample, pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { gdcmRaw, nativePixelData, readMultipart, startWadoTestServer, type StoredFile, type WadoTestServer } from "./wado-test-kit";

// WADO-RS retrieval as a standard client sees it: */* or no Accept gives the stored syntax
// under its own media type; Explicit VR Little Endian asked of a compressed instance is decoded
// on the server to the same pixels as a reference decoder (GDCM); what cannot be served is 406,
// never the stored bytes under another label. URLs in answers work for the address the client used.

const db = connectTestDb();
const deps = testImageDeps(db);
let server: WadoTestServer;
const files = {} as Record<"jls" | "rle" | "j2k" | "jpegLossless" | "usPalette" | "ct" | "pdf", StoredFile>;
const EVRLE = "1.2.840.10008.1.2.1";
const OCTETS_EVRLE = 'multipart/related; type="application/octet-stream"';

beforeAll(async () => {
  server = await startWadoTestServer(db, deps);
  const must = async (file: string) => {
    const stored = await server.ingest(file);
    if (!stored) throw new Error(`ingest refused ${file}`);
    return stored;
  };
  files.jls = await must(pydicomFile("test_files/MR_small_jpeg_ls_lossless.dcm"));
  files.rle = await must(pydicomFile("test_files/MR_small_RLE.dcm"));
  files.j2k = await must(pydicomFile("test_files/MR_small_jp2klossless.dcm"));
  files.jpegLossless = await must(pydicomFile("test_files/SC_rgb_jpeg_gdcm.dcm"));
  files.usPalette = await must(dicomwebClientSample("US-PAL-8-10x-echo.dcm"));
  files.ct = await must(pydicomFile("test_files/CT_small.dcm"));
  const pdfFile = encapsulatedPdf();
  files.pdf = await must(pdfFile);
  rmSync(pdfFile);
});

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** The stored bytes of one compressed frame (single-fragment files). */
function storedFrame(bytes: Buffer, index: number): Buffer {
  const dataset = dicomParser.parseDicom(bytes);
  const element = dataset.elements.x7fe00010!;
  const fragments = element.fragments ?? [];
  const fragment = fragments.length === 1 ? fragments[0]! : fragments[index]!;
  return bytes.subarray(fragment.position, fragment.position + fragment.length);
}

describe("frames", () => {
  it("*/* and no Accept give the stored syntax under its own media type", async () => {
    for (const accept of ["*/*", undefined]) {
      const response = await server.get(`${files.jls.instancePath}/frames/1`, accept);
      expect(response.status).toBe(200);
      const [part] = readMultipart(await body(response), response.headers.get("content-type") ?? "");
      expect(part?.headers["content-type"]).toBe("image/jls; transfer-syntax=1.2.840.10008.1.2.4.80");
      expect(part?.body.equals(storedFrame(files.jls.bytes, 0))).toBe(true);
    }
    const rle = await server.get(`${files.rle.instancePath}/frames/1`, "*/*");
    expect(readMultipart(await body(rle), rle.headers.get("content-type") ?? "")[0]?.headers["content-type"]).toBe("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5");
  });

  it("the viewer's single frame (application/octet-stream; transfer-syntax=*) comes alone, naming its syntax", async () => {
    const response = await server.get(`${files.j2k.instancePath}/frames/1`, "application/octet-stream; transfer-syntax=*");
    expect(response.headers.get("content-type")).toBe("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.90");
    expect((await body(response)).equals(storedFrame(files.j2k.bytes, 0))).toBe(true);
  });

  it.each(["jls", "rle", "j2k", "jpegLossless"] as const)("%s decoded to Explicit VR Little Endian equals GDCM's decode", async (name) => {
    const reference = nativePixelData(gdcmRaw(files[name].bytes)).pixels;
    for (const accept of [OCTETS_EVRLE, `${OCTETS_EVRLE}; transfer-syntax=${EVRLE}`]) {
      const response = await server.get(`${files[name].instancePath}/frames/1`, accept);
      expect(response.status, await response.clone().text().then((t) => t.slice(0, 200))).toBe(200);
      const [part] = readMultipart(await body(response), response.headers.get("content-type") ?? "");
      expect(part?.headers["content-type"]).toBe(`application/octet-stream; transfer-syntax=${EVRLE}`);
      expect(part?.body.length).toBe(reference.length);
      expect(part?.body.equals(reference)).toBe(true);
    }
  });

  it("decodes several frames of a multi-frame RLE palette ultrasound, each equal to the reference", async () => {
    const reference = nativePixelData(gdcmRaw(files.usPalette.bytes)).pixels;
    const frameBytes = reference.length / 10;
    const response = await server.get(`${files.usPalette.instancePath}/frames/2,7`, OCTETS_EVRLE);
    const parts = readMultipart(await body(response), response.headers.get("content-type") ?? "");
    expect(parts).toHaveLength(2);
    expect(parts[0]?.body.equals(reference.subarray(frameBytes, 2 * frameBytes))).toBe(true);
    expect(parts[1]?.body.equals(reference.subarray(6 * frameBytes, 7 * frameBytes))).toBe(true);
  });

  it("answers 406 with the reason for a syntax it would have to compress to", async () => {
    for (const accept of ['multipart/related; type="image/jp2"', `${OCTETS_EVRLE}; transfer-syntax=1.2.840.10008.1.2.4.90`, "image/jpeg"]) {
      const response = await server.get(`${files.jls.instancePath}/frames/1`, accept);
      expect(response.status, accept).toBe(406);
      expect(((await response.json()) as { error: string }).error).toContain("1.2.840.10008.1.2.4.80");
    }
  });
});

describe("instances", () => {
  it("application/dicom gives the Part 10 file as stored, alone; */* the same in multipart", async () => {
    const single = await server.get(files.jls.instancePath, "application/dicom");
    expect(single.headers.get("content-type")).toBe("application/dicom");
    expect((await body(single)).equals(files.jls.bytes)).toBe(true);
    const multipart = await server.get(files.pdf.instancePath, "*/*");
    const [part] = readMultipart(await body(multipart), multipart.headers.get("content-type") ?? "");
    expect(part?.body.equals(files.pdf.bytes)).toBe(true);
  });

  it("transcodes a whole instance to Explicit VR Little Endian on request", async () => {
    const response = await server.get(files.rle.instancePath, `multipart/related; type="application/dicom"; transfer-syntax=${EVRLE}`);
    expect(response.status).toBe(200);
    const [part] = readMultipart(await body(response), response.headers.get("content-type") ?? "");
    expect(part?.headers["content-type"]).toBe(`application/dicom; transfer-syntax=${EVRLE}`);
    const transcoded = nativePixelData(part!.body);
    expect(transcoded.syntax).toBe(EVRLE);
    expect(transcoded.pixels.equals(nativePixelData(gdcmRaw(files.rle.bytes)).pixels)).toBe(true);
    expect((await server.get(files.rle.instancePath, 'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.4.80')).status).toBe(406);
  });
});

describe("metadata and bulk data", () => {
  it("writes URLs for the address the client used, and they work", async () => {
    for (const host of ["127.0.0.1", "localhost"] as const) {
      const response = await server.get(`${files.rle.instancePath}/metadata`, "application/dicom+json", host);
      const [metadata] = (await response.json()) as Record<string, { vr: string; BulkDataURI?: string }>[];
      const pixelData = metadata?.["7FE00010"];
      expect(pixelData?.vr).toBe("OB");
      expect(pixelData?.BulkDataURI).toBe(`http://${host}:${server.port}/dicomweb${files.rle.instancePath}/frames/1`);
      expect((await server.get(pixelData!.BulkDataURI!, "application/octet-stream; transfer-syntax=*")).status).toBe(200);
    }
  });

  it("an encapsulated PDF: the document as application/pdf, its bytes by BulkDataURI, 406 as an image", async () => {
    const pdf = await server.get(`${files.pdf.instancePath}/rendered`, "application/pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const document = await body(pdf);
    expect(document.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await server.get(`${files.pdf.instancePath}/rendered`, "image/jpeg")).status).toBe(406);
    expect((await server.get(`${files.ct.instancePath}/rendered`, "application/pdf")).status).toBe(406);

    // The ingest path records large values as [offset, length] in DicomInstance.bulkData (its contract): do so here.
    const element = dicomParser.parseDicom(files.pdf.bytes).elements.x00420011!;
    await db.dicomInstance.update({ where: { sopInstanceUid: files.pdf.sopUid }, data: { bulkData: { "00420011": [element.dataOffset, element.length] } } });
    const response = await server.get(`${files.pdf.instancePath}/metadata`, "application/dicom+json", "localhost");
    const [metadata] = (await response.json()) as Record<string, { vr: string; BulkDataURI?: string }>[];
    const uri = metadata?.["00420011"]?.BulkDataURI ?? "";
    expect(uri).toBe(`http://localhost:${server.port}/dicomweb${files.pdf.instancePath}/bulkdata/00420011`);
    const single = await server.get(uri, "application/octet-stream");
    expect(single.headers.get("content-type")).toBe("application/octet-stream");
    expect((await body(single)).subarray(0, 5).toString()).toBe("%PDF-");
    const multipart = await server.get(uri, 'multipart/related; type="application/octet-stream"');
    expect(readMultipart(await body(multipart), multipart.headers.get("content-type") ?? "")[0]?.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await server.get(`${files.pdf.instancePath}/bulkdata/00281201`, "application/octet-stream")).status).toBe(404);
    expect((await server.get(`${files.pdf.instancePath}/bulkdata/zz`, "application/octet-stream")).status).toBe(400);
  });
});

/** A one-page PDF wrapped by DCMTK's pdf2dcm: an Encapsulated PDF instance as a modality's report would come. */
function encapsulatedPdf(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-pdf-"));
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"];
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(path.join(dir, "report.pdf"), text);
  execFileSync("pdf2dcm", ["--patient-name", "PDF^TEST", "--patient-id", "IPP-PDF", path.join(dir, "report.pdf"), path.join(dir, "report.dcm")], { stdio: "ignore" });
  const copy = path.join(tmpdir(), `teleradio-report-${process.pid}.dcm`);
  writeFileSync(copy, readFileSync(path.join(dir, "report.dcm")));
  rmSync(dir, { recursive: true, force: true });
  return copy;
}
