import "server-only";
import path from "node:path";
import type { ArchiveStorage } from "../archive/archive-storage";
import { filesystemArchive } from "../archive/filesystem-archive";
import { s3Archive } from "../archive/s3-archive";
import type { Db } from "../../db/client";
import { createParsePool } from "../parsing/parse-pool";
import type { Env } from "../../env";
import type { ImageDeps } from "./image-deps";

// The image side of the server, built once at start: the archive, the parse workers and the
// limits. Kept on globalThis like the database client, for every module graph of the process.
const slot = globalThis as unknown as { __teleradioImages?: ImageDeps };

export function startImageRuntime(db: Db, env: Env): ImageDeps {
  slot.__teleradioImages ??= {
    db,
    archive: archiveFor(env),
    parser: createParsePool({ workers: env.DICOM_PARSE_WORKERS, timeoutMs: env.DICOM_PARSE_TIMEOUT_MS, maxHeapMb: env.DICOM_PARSE_MAX_HEAP_MB }),
    maxInstanceBytes: env.DICOM_MAX_INSTANCE_MB * 1024 * 1024,
  };
  return slot.__teleradioImages;
}

export function getImageRuntime(): ImageDeps {
  if (!slot.__teleradioImages) throw new Error("the image runtime is not started (lib/server/main.ts starts it)");
  return slot.__teleradioImages;
}

function archiveFor(env: Env): ArchiveStorage {
  if (!env.ARCHIVE_S3_ENDPOINT) return filesystemArchive(path.resolve(env.DATA_DIR, "archive"));
  return s3Archive({
    endpoint: env.ARCHIVE_S3_ENDPOINT,
    region: env.ARCHIVE_S3_REGION,
    bucket: env.ARCHIVE_S3_BUCKET ?? "",
    accessKeyId: env.ARCHIVE_S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: env.ARCHIVE_S3_SECRET_ACCESS_KEY ?? "",
    forcePathStyle: env.ARCHIVE_S3_FORCE_PATH_STYLE === "true",
    prefix: env.ARCHIVE_S3_PREFIX,
  });
}
