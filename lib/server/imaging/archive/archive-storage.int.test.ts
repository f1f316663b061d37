import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instanceKey, type ArchiveStorage } from "./archive-storage";
import { filesystemArchive } from "./filesystem-archive";
import { s3Archive } from "./s3-archive";

// The two archive stores behave the same: the filesystem (default) and an S3-compatible
// object store, here s3rver (an S3 API server on the local disk) spoken to by the AWS SDK.

const directory = mkdtempSync(path.join(tmpdir(), "teleradio-archive-test-"));
let s3server: S3rver;
let s3: ArchiveStorage;

beforeAll(async () => {
  s3server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(directory, "s3") });
  const { port } = await s3server.run();
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const endpoint = `http://127.0.0.1:${port}`;
  await new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials }).send(new CreateBucketCommand({ Bucket: "archive" }));
  s3 = s3Archive({ endpoint, region: "us-east-1", bucket: "archive", forcePathStyle: true, ...credentials, prefix: "teleradio/" });
});

afterAll(async () => {
  await s3server.close();
  rmSync(directory, { recursive: true, force: true });
});

const stores: [string, () => ArchiveStorage][] = [
  ["filesystem", () => filesystemArchive(path.join(directory, "fs"))],
  ["S3-compatible", () => s3],
];

describe.each(stores)("the %s archive", (_name, store) => {
  it("stores, reads whole and by ranges, tells existence and deletes", async () => {
    const archive = store();
    const bytes = new Uint8Array(4096).map((_, i) => i % 251);
    const key = instanceKey("ab".repeat(32));
    expect(await archive.exists(key)).toBe(false);
    await archive.put(key, bytes);
    expect(await archive.exists(key)).toBe(true);
    expect(new Uint8Array(await archive.get(key))).toEqual(bytes);
    const [first, second] = await archive.readRanges(key, [[10, 5], [4000, 96]]);
    expect([...first!]).toEqual([...bytes.subarray(10, 15)]);
    expect([...second!]).toEqual([...bytes.subarray(4000, 4096)]);
    await expect(archive.readRanges(key, [[4090, 100]])).rejects.toThrow();
    await archive.delete(key);
    expect(await archive.exists(key)).toBe(false);
  });
});

it("the filesystem archive refuses keys that leave its directory", async () => {
  await expect(filesystemArchive(path.join(directory, "fs")).put("../escape.dcm", new Uint8Array(1))).rejects.toThrow(/outside the archive/);
});

it("keeps the filesystem archive to the server's user: directories 0700, files 0600, an older root closed", async () => {
  const root = path.join(directory, "private");
  mkdirSync(root, { mode: 0o755 });
  chmodSync(root, 0o755);
  const archive = filesystemArchive(root);
  const key = instanceKey("cd".repeat(32));
  await archive.put(key, new Uint8Array([1, 2, 3]));
  const mode = (file: string) => statSync(file).mode & 0o777;
  expect(mode(root)).toBe(0o700);
  // Every directory between the root and the file, and the file itself.
  const parts = key.split("/");
  for (let depth = 1; depth < parts.length; depth += 1) expect(mode(path.join(root, ...parts.slice(0, depth)))).toBe(0o700);
  expect(mode(path.join(root, key))).toBe(0o600);
});
