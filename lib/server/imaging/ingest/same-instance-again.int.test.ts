import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import { ctHeadSeries } from "@/lib/dicom/synthetic";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { part10FromDataset } from "../../../dicom/part10-from-dataset";
import { tempDir } from "../dimse/dimse-test-kit";
import type { IngestSource } from "../runtime/image-deps";
import { ingestInstance } from "./ingest-instance";

// Idempotency on the dataset, not the file: the same SOP Instance from another sender of the
// site, wrapped in another File Meta Information, or in another VR encoding is "already
// stored" and the first copy is kept; another dataset under the same UID is a CONFLICT
// (0111 / 409) with an audit row; another site's instance is never confirmed.

const db = connectTestDb();
const deps = testImageDeps(db);

async function scenario() {
  const site = await createSite(db);
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const [instance] = [...ctHeadSeries({ seed: `again-${tag}`, patient: { familyName: `AGAIN${tag}`, givenName: "ANNE", birthDate: "19610203", sex: "F", patientId: `IPP${tag}` }, slices: 1, size: 32 })];
  const stow: IngestSource = { channel: "STOW", siteId: site.id, senderLabel: "PACS A (STOW-RS)", actorId: null };
  const otherSender: IngestSource = { channel: "CSTORE", siteId: site.id, senderLabel: "AE PACS_B (PACS B)", actorId: null };
  const first = await ingestInstance(deps, stow, instance!.bytes);
  expect(first.status).toBe("stored");
  const row = () => db.dicomInstance.findMany({ where: { sopInstanceUid: instance!.sopInstanceUid }, select: { contentSha256: true, channel: true, senderLabel: true } });
  return { site, instance: instance!, stow, otherSender, row, before: await row() };
}

/** The same dataset bytes in a File Meta Information another PACS would write. */
function rewrapped(bytes: Uint8Array, sopClassUid: string, sopInstanceUid: string): Uint8Array {
  const meta = readMetaHeader(bytes);
  return part10FromDataset({
    sopClassUid,
    sopInstanceUid,
    transferSyntaxUid: meta.transferSyntaxUid,
    sourceAeTitle: "OTHER_PACS",
    implementationClassUid: "1.2.826.0.1.3680043.9.7433.1.9",
    implementationVersionName: "OTHERPACS_42",
    chunks: [bytes.subarray(meta.datasetOffset)],
  });
}

function converted(bytes: Uint8Array, tool: string, args: readonly string[]): Uint8Array {
  const dir = tempDir();
  const input = path.join(dir, "in.dcm");
  const output = path.join(dir, "out.dcm");
  writeFileSync(input, bytes);
  execFileSync(tool, [...args, input, output], { stdio: "ignore" });
  return new Uint8Array(readFileSync(output));
}

describe("the same instance received again", () => {
  it("is already stored from another sender of the site, in another File Meta Information, and the first copy is kept", async () => {
    const { instance, otherSender, row, before } = await scenario();
    const wrapped = rewrapped(instance.bytes, readMetaHeader(instance.bytes).mediaStorageSopClassUid, instance.sopInstanceUid);
    expect(Buffer.from(wrapped).equals(Buffer.from(instance.bytes))).toBe(false);
    expect(await ingestInstance(deps, otherSender, wrapped)).toMatchObject({ status: "already-stored", sopInstanceUid: instance.sopInstanceUid });
    expect(await row()).toEqual(before);
  });

  it.each([
    ["implicit VR (dcmconv +ti)", "dcmconv", ["+ti"]],
    ["explicit VR re-encoded by DCMTK (dcmconv +te)", "dcmconv", ["+te"]],
  ])("is already stored in %s", async (_label, tool, args) => {
    const { instance, otherSender, row, before } = await scenario();
    const other = converted(instance.bytes, tool, args);
    expect(await ingestInstance(deps, otherSender, other)).toMatchObject({ status: "already-stored" });
    expect(await row()).toEqual(before);
  });

  it("is a conflict, audited, when the dataset differs under the same UID", async () => {
    const { instance, otherSender, row, before } = await scenario();
    const dir = tempDir();
    const file = path.join(dir, "renamed.dcm");
    writeFileSync(file, instance.bytes);
    execFileSync("dcmodify", ["-nb", "-m", "(0010,0010)=SOMEONE^ELSE", file], { stdio: "ignore" });
    const outcome = await ingestInstance(deps, otherSender, new Uint8Array(readFileSync(file)));
    expect(outcome).toMatchObject({ status: "refused", code: "CONFLICT" });
    expect(await row()).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "DICOM_INSTANCE_CONFLICT", entityId: instance.sopInstanceUid } })).toBe(1);
  });

  it.each([
    ["RLE (dcmcrle)", "dcmcrle", []],
    ["JPEG-LS lossless (dcmcjpls)", "dcmcjpls", []],
    ["JPEG lossless (dcmcjpeg +e1)", "dcmcjpeg", ["+e1"]],
  ])("is already stored compressed without loss, %s, its pixels compared decoded", async (_label, tool, args) => {
    const { instance, otherSender, row, before } = await scenario();
    const compressed = converted(instance.bytes, tool, args);
    expect(readMetaHeader(compressed).transferSyntaxUid).not.toBe(readMetaHeader(instance.bytes).transferSyntaxUid);
    expect(await ingestInstance(deps, otherSender, compressed)).toMatchObject({ status: "already-stored" });
    expect(await row()).toEqual(before);
  });

  it("is a conflict compressed with loss under the same UID (dcmcjpeg +eb +un): other pixels", async () => {
    const { instance, otherSender, row, before } = await scenario();
    const lossy = converted(instance.bytes, "dcmcjpeg", ["+eb", "+un"]);
    expect(await ingestInstance(deps, otherSender, lossy)).toMatchObject({ status: "refused", code: "CONFLICT" });
    expect(await row()).toEqual(before);
  });

  it("from another site is refused as a foreign study, neither confirmed nor compared", async () => {
    const { instance, row, before } = await scenario();
    const elsewhere = await createSite(db);
    const outcome = await ingestInstance(deps, { channel: "STOW", siteId: elsewhere.id, senderLabel: "PACS elsewhere", actorId: null }, instance.bytes);
    expect(outcome).toMatchObject({ status: "refused", code: "FOREIGN_STUDY" });
    expect(await row()).toEqual(before);
  });
});
