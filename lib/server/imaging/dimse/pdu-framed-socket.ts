import "server-only";
import { EventEmitter } from "node:events";
import type { Socket } from "node:net";

// The DICOM upper layer's framing (PS3.8 9.3.1): every PDU starts with its type, a reserved
// byte and its length on 4 bytes. dcmjs-dimse reassembles PDUs by concatenating each socket
// read onto what it holds, so a 256 KB PDU arriving in small reads is copied again and again
// (megabytes of garbage per instance, a major GC every few instances on the request thread),
// and a PDU that declares 4 GB is buffered until memory runs out. This sits between the socket
// and the library: each PDU is gathered into one buffer of its declared size, refused at once
// when that size is over the limit, and handed over whole, which the library takes as it is.

const HEADER_BYTES = 6;
/** A-ABORT (PS3.8 9.3.8): source 2, the service provider; reason 2, an unrecognised PDU parameter. */
const A_ABORT_INVALID_PDU = Buffer.from([0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x02]);

export interface PduFramedSocketOptions {
  /** The longest PDU accepted, its header excluded: the P-DATA-TF limit we announce. */
  maxPduBytes: number;
  /** Told once when a PDU is refused, before the connection is aborted and closed. */
  onOversizedPdu: (declaredBytes: number) => void;
}

/**
 * What dcmjs-dimse uses of a socket (write, setTimeout, on), with 'data' events that each carry
 * exactly one whole PDU. Every other event is the socket's own.
 */
export class PduFramedSocket {
  private readonly pdus = new EventEmitter();
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerFilled = 0;
  private pdu: Buffer | null = null;
  private pduFilled = 0;
  private refused = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: PduFramedSocketOptions,
  ) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  on(event: string, listener: (...args: unknown[]) => void): this {
    if (event === "data") this.pdus.on("data", listener);
    else this.socket.on(event, listener);
    return this;
  }

  write(data: Uint8Array, callback?: (error?: Error | null) => void): boolean {
    return this.socket.write(data, callback);
  }

  /**
   * Ignored: the library would set a 3-minute timeout of its own on every connection; the
   * listener owns the socket's idle timeout (DICOM_IDLE_TIMEOUT_S).
   */
  setTimeout(): this {
    return this;
  }

  private receive(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length && !this.refused) {
      if (this.pdu === null) {
        let declared: number;
        if (this.headerFilled === 0 && chunk.length - offset >= HEADER_BYTES) {
          declared = chunk.readUInt32BE(offset + 2);
          if (!this.accept(declared)) return;
          // A whole PDU inside this read (small PDUs, commands): handed over as a view, no copy.
          if (chunk.length - offset >= HEADER_BYTES + declared) {
            this.pdus.emit("data", chunk.subarray(offset, offset + HEADER_BYTES + declared));
            offset += HEADER_BYTES + declared;
            continue;
          }
          chunk.copy(this.header, 0, offset, offset + HEADER_BYTES);
          offset += HEADER_BYTES;
        } else {
          // The header itself split across reads.
          const taken = Math.min(HEADER_BYTES - this.headerFilled, chunk.length - offset);
          chunk.copy(this.header, this.headerFilled, offset, offset + taken);
          this.headerFilled += taken;
          offset += taken;
          if (this.headerFilled < HEADER_BYTES) return;
          declared = this.header.readUInt32BE(2);
          if (!this.accept(declared)) return;
        }
        this.headerFilled = 0;
        this.pdu = Buffer.allocUnsafe(HEADER_BYTES + declared);
        this.header.copy(this.pdu, 0);
        this.pduFilled = HEADER_BYTES;
      }
      const taken = Math.min(this.pdu.length - this.pduFilled, chunk.length - offset);
      chunk.copy(this.pdu, this.pduFilled, offset, offset + taken);
      this.pduFilled += taken;
      offset += taken;
      if (this.pduFilled === this.pdu.length) {
        const whole = this.pdu;
        this.pdu = null;
        this.pdus.emit("data", whole);
      }
    }
  }

  /** Over the limit: the peer is told (A-ABORT) and the connection closes; nothing more is read. */
  private accept(declared: number): boolean {
    if (declared <= this.options.maxPduBytes) return true;
    this.refused = true;
    this.pdu = null;
    this.options.onOversizedPdu(declared);
    this.socket.end(A_ABORT_INVALID_PDU, () => this.socket.destroy());
    return false;
  }
}
