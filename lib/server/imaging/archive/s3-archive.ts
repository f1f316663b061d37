import "server-only";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
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
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  const Bucket = options.bucket;
  const objectKey = (key: string) => `${options.prefix ?? ""}${key}`;
  const read = async (key: string, range?: string): Promise<Buffer> => {
    const answer = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key), Range: range }));
    if (!answer.Body) throw new Error(`archive object ${key} has no body`);
    return Buffer.from(await answer.Body.transformToByteArray());
  };

  return {
    async put(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentType: "application/dicom" }));
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
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (error instanceof NotFound || error instanceof NoSuchKey) return false;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
