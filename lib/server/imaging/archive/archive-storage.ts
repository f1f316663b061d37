// Where instance files live. The filesystem under DATA_DIR by default; an object store
// (S3-compatible) is the path for deployments beyond one machine. Keys are content hashes, so
// storing the same bytes twice is harmless and a key never changes meaning.

export interface ArchiveStorage {
  /** Stores the bytes under key; afterwards, and only afterwards, reads see them whole. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * Starts storing bytes whose key is not known yet (it is their content hash, being computed
   * meanwhile). The caller must not change the bytes until the staged copy is committed or
   * discarded; it must do one or the other.
   */
  stage(bytes: Uint8Array): StagedObject;
  /** The whole object. */
  get(key: string): Promise<Buffer>;
  /** Several byte ranges of one object, in order (a frame's fragments, for example). */
  readRanges(key: string, ranges: readonly (readonly [offset: number, length: number])[]): Promise<Buffer[]>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export interface StagedObject {
  /** Stored under key once this resolves, as put() would have. */
  commit(key: string): Promise<void>;
  /** Nothing of it is left. */
  discard(): Promise<void>;
}

/** Staging for a store that can only write under a known key: nothing starts before commit. */
export function stageUntilCommit(archive: Pick<ArchiveStorage, "put">, bytes: Uint8Array): StagedObject {
  return { commit: (key) => archive.put(key, bytes), discard: async () => undefined };
}

/** Keys are spread over two levels of directories or prefixes. */
export function instanceKey(sha256: string): string {
  return `instances/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.dcm`;
}
