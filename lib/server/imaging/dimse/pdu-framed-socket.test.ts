import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { PduFramedSocket } from "./pdu-framed-socket";

// The framer hands the DIMSE library exactly the PDUs the peer sent, however the network cut
// them, and refuses one that declares more than the limit before reading it.

class FakeSocket extends EventEmitter {
  readonly written: Buffer[] = [];
  ended = false;
  destroyed = false;
  write(data: Uint8Array): boolean {
    this.written.push(Buffer.from(data));
    return true;
  }
  end(data?: Uint8Array, done?: () => void): this {
    if (data) this.written.push(Buffer.from(data));
    this.ended = true;
    done?.();
    return this;
  }
  destroy(): this {
    this.destroyed = true;
    return this;
  }
  setTimeout(): this {
    return this;
  }
}

function pdu(type: number, body: Buffer): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(body.length, 2);
  return Buffer.concat([header, body]);
}

function framed(maxPduBytes = 1024) {
  const socket = new FakeSocket();
  const refused: number[] = [];
  const framer = new PduFramedSocket(socket as unknown as Socket, { maxPduBytes, onOversizedPdu: (declared) => refused.push(declared) });
  const received: Buffer[] = [];
  framer.on("data", (data) => received.push(Buffer.from(data as Buffer)));
  return { socket, received, refused };
}

const sent = [pdu(0x01, Buffer.from("association request")), pdu(0x04, Buffer.alloc(700, 7)), pdu(0x05, Buffer.alloc(4)), pdu(0x04, Buffer.alloc(0))];
const stream = Buffer.concat(sent);

describe("PDU framing in front of the DIMSE library", () => {
  it.each([1, 5, 6, 7, 64, 701, stream.length])("hands over each PDU whole when the network delivers %i bytes at a time", (size) => {
    const { socket, received } = framed();
    for (let offset = 0; offset < stream.length; offset += size) socket.emit("data", stream.subarray(offset, offset + size));
    expect(received).toEqual(sent);
  });

  it("refuses a PDU declaring more than the limit before reading its body: A-ABORT, then the connection closes", () => {
    const { socket, received, refused } = framed(1024);
    const header = Buffer.from([0x01, 0x00, 0xff, 0xff, 0xff, 0xf0]);
    socket.emit("data", header);
    socket.emit("data", Buffer.alloc(4096));
    expect(refused).toEqual([0xfffffff0]);
    expect(received).toEqual([]);
    expect(socket.written.at(-1)?.readUInt8(0)).toBe(0x07);
    expect(socket.ended && socket.destroyed).toBe(true);
  });

  it("leaves other events to the socket itself", () => {
    const { socket } = framed();
    const framer = new PduFramedSocket(socket as unknown as Socket, { maxPduBytes: 10, onOversizedPdu: () => undefined });
    let closed = false;
    framer.on("close", () => (closed = true));
    socket.emit("close");
    expect(closed).toBe(true);
  });
});
