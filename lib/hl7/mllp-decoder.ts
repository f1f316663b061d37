// MLLP (HL7 v2 Minimal Lower Layer Protocol, release 1 framing): each message travels as <VT> message
// <FS><CR>. The decoder takes the socket's chunks and hands out whole messages; bytes outside a
// frame, or a frame larger than the limit, are a framing error the listener answers with AR
// (and the stream resynchronises at the next <VT>), so a sender's mistake never stalls the
// connection nor makes the server buffer without bound.

export const VT = 0x0b;
export const FS = 0x1c;
export const CR = 0x0d;

/** One message as it travels: <VT> text (UTF-8) <FS><CR>. */
export function frameMllp(text: string): Buffer {
  return Buffer.concat([Buffer.from([VT]), Buffer.from(text, "utf8"), Buffer.from([FS, CR])]);
}

export type MllpEvent = { kind: "message"; payload: Buffer } | { kind: "framing-error"; reason: string };

export class MllpDecoder {
  private chunks: Buffer[] = [];
  private size = 0;
  private inFrame = false;
  /** Bytes of a frame over the limit are dropped until its end, and reported once. */
  private overflowing = false;
  private strayBytes = 0;

  constructor(private readonly maxMessageBytes: number) {}

  push(data: Buffer): MllpEvent[] {
    const events: MllpEvent[] = [];
    let start = 0;
    for (let index = 0; index < data.length; index++) {
      const byte = data[index];
      if (!this.inFrame) {
        if (byte === VT) {
          if (this.strayBytes > 0) events.push(this.strayError());
          this.inFrame = true;
          start = index + 1;
        } else if (byte !== CR && byte !== 0x0a) this.strayBytes++;
        continue;
      }
      if (byte === VT) {
        // A new start block inside a frame: the previous frame never ended.
        this.append(data.subarray(start, index));
        events.push({ kind: "framing-error", reason: "début de bloc (VT) reçu avant la fin du message précédent (FS CR)" });
        this.reset();
        this.inFrame = true;
        start = index + 1;
        continue;
      }
      if (byte === FS && (index + 1 >= data.length || data[index + 1] === CR)) {
        this.append(data.subarray(start, index));
        if (index + 1 < data.length && data[index + 1] === CR) index++;
        events.push(this.finishFrame());
        start = index + 1;
      }
    }
    if (this.inFrame) this.append(data.subarray(start));
    else if (this.strayBytes > 0 && events.length === 0) {
      // Keep counting: a sender writing garbage without ever framing gets one answer per chunk.
      events.push(this.strayError());
    }
    return events;
  }

  private finishFrame(): MllpEvent {
    const overflowing = this.overflowing;
    const payload = Buffer.concat(this.chunks, this.size);
    this.reset();
    if (overflowing) return { kind: "framing-error", reason: `message de plus de ${this.maxMessageBytes} octets` };
    return { kind: "message", payload };
  }

  private append(part: Buffer): void {
    if (this.overflowing || part.length === 0) return;
    if (this.size + part.length > this.maxMessageBytes) {
      this.overflowing = true;
      this.chunks = [];
      this.size = 0;
      return;
    }
    this.chunks.push(Buffer.from(part));
    this.size += part.length;
  }

  private strayError(): MllpEvent {
    const count = this.strayBytes;
    this.strayBytes = 0;
    return { kind: "framing-error", reason: `${count} octet(s) hors d'un bloc MLLP (VT … FS CR)` };
  }

  private reset(): void {
    this.chunks = [];
    this.size = 0;
    this.inFrame = false;
    this.overflowing = false;
  }
}
