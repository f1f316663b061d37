import "server-only";
import type { S3Client } from "@aws-sdk/client-s3";
import type { ArchiveStorage } from "./archive-storage";

export interface S3ArchiveOptions {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (http://host/bucket/key): what MinIO, Ceph and most on-premise stores expect. */
  forcePathStyle: boolean;
  prefix?: string;
}

/**
 * Instances in an S3-compatible object store: the archive for deployments beyond one machine.
 * A PUT is atomic (readers see the whole object or none); frames are read with HTTP ranges.
 */
export function s3Archive(options: S3ArchiveOptions): ArchiveStorage {
  // The SDK loads only in a server configured for S3 (a few hundred modules, ~20 MB at their
  // load): a static import would load it in every server, whose archive is most often a disk.
  const loaded = import("@aws-sdk/client-s3").then((sdk) => ({
    sdk,
    client: new sdk.S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    }) satisfies S3Client,
  }));
  // A failed load is the first call's error, not an unhandled rejection at start.
  loaded.catch(() => undefined);
  const Bucket = options.bucket;
  const objectKey = (key: string) => `${options.prefix ?? ""}${key}`;
  const read = async (key: string, range?: string): Promise<Buffer> => {
    const { sdk, client } = await loaded;
    const answer = await client.send(new sdk.GetObjectCommand({ Bucket, Key: objectKey(key), Range: range }));
    if (!answer.Body) throw new Error(`archive object ${key} has no body`);
    return Buffer.from(await answer.Body.transformToByteArray());
  };

  return {
    async put(key, bytes) {
      const { sdk, client } = await loaded;
      await client.send(new sdk.PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentType: "application/dicom" }));
    },
    get: (key) => read(key),
    readRanges(key, ranges) {
      return Promise.all(
        ranges.map(async ([offset, length]) => {
          const part = await read(key, `bytes=${offset}-${offset + length - 1}`);
          if (part.length !== length) throw new Error(`archive object ${key} is shorter than expected`);
          return part;
        }),
      );
    },
    async exists(key) {
      const { sdk, client } = await loaded;
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (error instanceof sdk.NotFound || error instanceof sdk.NoSuchKey) return false;
        throw error;
      }
    },
    async delete(key) {
      const { sdk, client } = await loaded;
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
