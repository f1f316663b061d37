import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { ArchiveStorage } from "./archive-storage";

/**
 * Instance files under one directory. A put writes a temporary file, flushes it to the disk,
 * then renames it into place: a crash leaves a stray temporary file at worst, never a
 * half-written instance. The flush comes before the caller commits the index row and answers
 * the sender: without it a power cut could lose an instance whose storage was already
 * confirmed (the row survives, the file does not). The rename itself is made durable by the
 * database commit that follows, whose flush commits the file system's journal (ext4, XFS).
 *
 * Patient images are the server's user's alone: directories 0700, files 0600, whatever the
 * umask. The root is closed at every start, which also closes an archive written before this
 * rule (its older files keep their bits, but nobody else can reach them through the root).
 */
const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

/** The bytes on the disk, not only in the page cache, when this resolves. */
async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, "wx", FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.datasync();
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

export function filesystemArchive(root: string): ArchiveStorage {
  mkdirSync(root, { recursive: true, mode: DIRECTORY_MODE });
  chmodSync(root, DIRECTORY_MODE);
  const resolve = (key: string): string => {
    const full = path.resolve(root, key);
    // Keys are made by instanceKey(), but a store must not trust its callers with paths.
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`archive key outside the archive: ${key}`);
    return full;
  };

  const madeDirectories = new Set<string>();
  const makeDirectory = async (directory: string): Promise<void> => {
    await mkdir(directory, { recursive: true, mode: DIRECTORY_MODE });
    if (madeDirectories.size >= 100_000) madeDirectories.clear();
    madeDirectories.add(directory);
  };

  return {
    async put(key, bytes) {
      const target = resolve(key);
      const directory = path.dirname(target);
      // A series' instances share a few directories: create each once per process, not once
      // per instance (a syscall on the ingest path). Removed behind our back, it is made again.
      if (!madeDirectories.has(directory)) await makeDirectory(directory);
      const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await writeDurably(temporary, bytes);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        await makeDirectory(directory);
        await writeDurably(temporary, bytes);
      }
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
