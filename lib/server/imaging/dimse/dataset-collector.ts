import "server-only";
import { Writable } from "node:stream";

// Where dcmjs-dimse writes the P-DATA fragments of one C-STORE data set
// (Scp.createStoreWritableStream). The library would otherwise buffer them and parse the whole
// data set with dcmjs on the event loop; here they are only kept, as received, for the Part 10
// file. Past the size limit the bytes are counted and dropped, so a sender cannot exhaust memory.

export class DatasetCollector extends Writable {
  readonly chunks: Buffer[] = [];
  byteLength = 0;

  constructor(
    /** The accepted transfer syntax of the context the data set arrives on, null if the context was refused. */
    readonly transferSyntaxUid: string | null,
    private readonly maxBytes: number,
  ) {
    // write() must never answer false: the library then awaits 'drain' in the middle of its
    // PDU handler, and the next PDUs are handled before this one finishes.
    super({ highWaterMark: Number.MAX_SAFE_INTEGER, decodeStrings: false });
  }

  get overflowed(): boolean {
    return this.byteLength > this.maxBytes;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.byteLength += chunk.byteLength;
    if (this.overflowed) this.chunks.length = 0;
    else this.chunks.push(chunk);
    done();
  }
}
