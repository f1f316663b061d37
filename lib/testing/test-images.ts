import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { filesystemArchive } from "../server/imaging/archive/filesystem-archive";
import type { Db } from "../server/db/client";
import { createParsePool } from "../server/imaging/parsing/parse-pool";
import type { ImageDeps } from "../server/imaging/runtime/image-deps";

/** Real image dependencies for integration tests: an archive in a temporary directory and real parse workers. */
export function testImageDeps(db: Db, options: { maxInstanceBytes?: number; timeoutMs?: number; maxHeapMb?: number } = {}): ImageDeps & { archiveDir: string } {
  const archiveDir = mkdtempSync(path.join(tmpdir(), "teleradio-archive-"));
  const parser = createParsePool({ workers: 2, timeoutMs: options.timeoutMs ?? 2000, maxHeapMb: options.maxHeapMb ?? 256 });
  afterAll(async () => {
    await parser.close();
    rmSync(archiveDir, { recursive: true, force: true });
  });
  return { db, archive: filesystemArchive(archiveDir), parser, maxInstanceBytes: options.maxInstanceBytes ?? 512 * 1024 * 1024, archiveDir };
}
