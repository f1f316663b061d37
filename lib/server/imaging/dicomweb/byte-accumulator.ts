/**
 * The unread bytes of a stream, appended chunk by chunk into one buffer that grows by doubling
 * and is compacted in place. Concatenating the pending bytes with every 64 KiB chunk instead
 * copies a 512 KiB instance ~8 times and leaves as much garbage (the STOW-RS profile's largest
 * cost after the database); here each byte is copied once on the way in, once on the way out.
 */
export class ByteAccumulator {
  private store: Buffer;
  private start = 0;
  private end = 0;

  constructor(initialCapacity = 256 * 1024) {
    this.store = Buffer.allocUnsafe(initialCapacity);
  }

  get length(): number {
    return this.end - this.start;
  }

  append(chunk: Uint8Array): void {
    if (this.end + chunk.byteLength > this.store.length) {
      const live = this.length;
      if (live + chunk.byteLength <= this.store.length && this.start > 0) {
        this.store.copyWithin(0, this.start, this.end);
      } else {
        const grown = Buffer.allocUnsafe(Math.max(this.store.length * 2, live + chunk.byteLength));
        this.store.copy(grown, 0, this.start, this.end);
        this.store = grown;
      }
      this.start = 0;
      this.end = live;
    }
    this.store.set(chunk, this.end);
    this.end += chunk.byteLength;
  }

  /** The unread bytes, valid only until the next append or consume. */
  view(): Buffer {
    return this.store.subarray(this.start, this.end);
  }

  /** Drops the first `count` unread bytes. */
  consume(count: number): void {
    this.start = Math.min(this.end, this.start + count);
    if (this.start === this.end) this.start = this.end = 0;
  }

  /** Drops every unread byte. */
  clear(): void {
    this.start = this.end = 0;
  }
}
