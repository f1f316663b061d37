// Shared by the WADO-RS integration tests: a real HTTP server around the real handler, a
// radiographer of the sending site (who may view the site's studies not yet linked to a
// request), real-world files from other toolkits ingested with fresh UIDs (DCMTK dcmodify),
// and small readers for what comes back (PNG, multipart/related, Part 10).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import dicomParser from "dicom-parser";
import { encode } from "next-auth/jwt";
import { afterAll, expect } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import type { Db } from "../../db/client";
import { loadActor } from "../../auth/load-actor";
import { ingestInstance } from "../ingest/ingest-instance";
import type { ImageDeps } from "../runtime/image-deps";
import { createDicomwebHandler } from "./dicomweb-handler";

export interface StoredFile {
  file: string;
  studyUid: string;
  seriesUid: string;
  sopUid: string;
  /** The copy ingested (fresh UIDs), as sent. */
  bytes: Buffer;
  instancePath: string;
}

export interface WadoTestServer {
  port: number;
  cookie: string;
  siteId: string;
  get(pathOrUrl: string, accept?: string, host?: "127.0.0.1" | "localhost"): Promise<Response>;
  /** The file ingested with fresh UIDs, or null (with the reason logged) when ingest refuses it. */
  ingest(file: string): Promise<StoredFile | null>;
}

export async function startWadoTestServer(db: Db, deps: ImageDeps): Promise<WadoTestServer> {
  const secret = randomBytes(32).toString("base64url");
  const site = await createSite(db, `CH WADO ${randomBytes(3).toString("hex")}`);
  const user = await createUser(db, { role: "RADIOGRAPHER", siteId: site.id });
  const cookie = `next-auth.session-token=${await encode({ token: { uid: user.id }, secret })}`;
  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 64 * 1024 * 1024 });
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-wado-"));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    port,
    cookie,
    siteId: site.id,
    get: (pathOrUrl, accept, host = "127.0.0.1") => {
      const url = pathOrUrl.startsWith("http") ? pathOrUrl : `http://${host}:${port}/dicomweb${pathOrUrl}`;
      return fetch(url, { headers: { Cookie: cookie, ...(accept !== undefined ? { Accept: accept } : {}) } });
    },
    async ingest(file) {
      const copy = path.join(dir, `${randomBytes(6).toString("hex")}.dcm`);
      copyFileSync(file, copy);
      // Fresh Study, Series and SOP Instance UIDs: pydicom's variants of one image share them.
      execFileSync("dcmodify", ["-nb", "-q", "-gin", "-gst", "-gse", copy], { stdio: "ignore" });
      const bytes = readFileSync(copy);
      const outcome = await ingestInstance(deps, { channel: "STOW", siteId: site.id, senderLabel: "PACS test", actorId: null }, bytes);
      if (outcome.status === "refused") {
        console.warn(`[wado tests] ingest refused ${path.basename(file)}: ${outcome.code} ${outcome.message}`);
        return null;
      }
      const dataset = dicomParser.parseDicom(bytes);
      const studyUid = dataset.string("x0020000d") ?? "";
      const seriesUid = dataset.string("x0020000e") ?? "";
      const sopUid = dataset.string("x00080018") ?? "";
      return { file, studyUid, seriesUid, sopUid, bytes, instancePath: `/studies/${studyUid}/series/${seriesUid}/instances/${sopUid}` };
    },
  };
}

/** A PNG as width, height, channels and its 8-bit pixels (the filters our encoder and others use). */
export function readPng(png: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 2 ? 3 : 1;
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)], "filter type none").toBe(0);
    pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, channels, pixels };
}

/** How many distinct values an image has: a blank (all black, all grey) render has one. */
export function distinctValues(pixels: Uint8Array): number {
  return new Set(pixels).size;
}

/** The parts of a multipart/related body, with their headers. */
export function readMultipart(body: Buffer, contentType: string): { headers: Record<string, string>; body: Buffer }[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: Record<string, string>; body: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const headerEnd = body.indexOf("\r\n\r\n", start);
    const headers: Record<string, string> = {};
    for (const line of body.subarray(start + 2, headerEnd).toString("latin1").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const next = body.indexOf(delimiter, headerEnd + 4);
    const length = headers["content-length"] ? Number(headers["content-length"]) : next - 2 - (headerEnd + 4);
    parts.push({ headers, body: body.subarray(headerEnd + 4, headerEnd + 4 + length) });
    at = next;
  }
  return parts;
}

/** The native pixel data of a Part 10 file (a reference decode written by DCMTK or GDCM). */
export function nativePixelData(bytes: Buffer): { syntax: string; pixels: Buffer } {
  const dataset = dicomParser.parseDicom(bytes);
  const element = dataset.elements.x7fe00010;
  if (!element || element.encapsulatedPixelData) throw new Error("no native pixel data");
  return { syntax: dataset.string("x00020010") ?? "", pixels: bytes.subarray(element.dataOffset, element.dataOffset + element.length) };
}

/** A reference decode by GDCM (`gdcmconv --raw`): the file in Explicit VR Little Endian. */
export function gdcmRaw(file: Buffer): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-gdcm-"));
  try {
    const input = path.join(dir, "in.dcm");
    const output = path.join(dir, "out.dcm");
    writeFileSync(input, file);
    execFileSync("gdcmconv", ["--raw", "--explicit", input, output], { stdio: "ignore" });
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
