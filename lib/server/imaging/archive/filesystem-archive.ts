import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArchiveStorage } from "./archive-storage";

/**
 * Instance files under one directory. A put writes a temporary file then renames it into
 * place: a crash leaves a stray temporary file at worst, never a half-written instance.
 */
export function filesystemArchive(root: string): ArchiveStorage {
  const resolve = (key: string): string => {
    const full = path.resolve(root, key);
    // Keys are made by instanceKey(), but a store must not trust its callers with paths.
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`archive key outside the archive: ${key}`);
    return full;
  };

  return {
    async put(key, bytes) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    },
    get: (key) => readFile(resolve(key)),
    async readRanges(key, ranges) {
      const handle = await open(resolve(key), "r");
      try {
        return await Promise.all(
          ranges.map(async ([offset, length]) => {
            const buffer = Buffer.allocUnsafe(length);
            const { bytesRead } = await handle.read(buffer, 0, length, offset);
            if (bytesRead !== length) throw new Error(`archive object ${key} is shorter than expected`);
            return buffer;
          }),
        );
      } finally {
        await handle.close();
      }
    },
    async exists(key) {
      try {
        await stat(resolve(key));
        return true;
      } catch {
        return false;
      }
    },
    delete: (key) => rm(resolve(key), { force: true }),
  };
}
