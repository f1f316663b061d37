// Where instance files live. The filesystem under DATA_DIR by default; an object store
// (S3-compatible) is the path for deployments beyond one machine. Keys are content hashes, so
// storing the same bytes twice is harmless and a key never changes meaning.

export interface ArchiveStorage {
  /** Stores the bytes under key; afterwards, and only afterwards, reads see them whole. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The whole object. */
  get(key: string): Promise<Buffer>;
  /** Several byte ranges of one object, in order (a frame's fragments, for example). */
  readRanges(key: string, ranges: readonly (readonly [offset: number, length: number])[]): Promise<Buffer[]>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Keys are spread over two levels of directories or prefixes. */
export function instanceKey(sha256: string): string {
  return `instances/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.dcm`;
}
