import "server-only";
import net from "node:net";

// One MLLP exchange (HL7 v2 Minimal Lower Layer Protocol, HL7 v2.5.1 appendix C): open a
// connection, send one framed message, wait for one framed answer, close. A connection per
// message keeps a RIS restart, a firewall dropping idle connections or a half-read frame from
// ever mixing two messages' answers; at the volet's rate (a few messages per request) the
// connection set-up costs nothing that matters.

const START = 0x0b;
const END = Buffer.from([0x1c, 0x0d]);

export class MllpExchangeError extends Error {
  constructor(
    readonly kind: "CONNECT" | "TIMEOUT" | "CLOSED",
    message: string,
  ) {
    super(message);
    this.name = "MllpExchangeError";
  }
}

/** Sends `message` (segments separated by CR) and resolves with the answer's text, or rejects with an MllpExchangeError. */
export function mllpExchange(args: { host: string; port: number; message: string; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: args.host, port: args.port });
    let received = Buffer.alloc(0);
    let connected = false;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    // One deadline for connecting, sending and the answer: a RIS that accepts the connection and never answers counts as down.
    const timer = setTimeout(() => finish(() => reject(new MllpExchangeError("TIMEOUT", `no acknowledgement from ${args.host}:${args.port} within ${args.timeoutMs} ms`))), args.timeoutMs);
    socket.on("connect", () => {
      connected = true;
      socket.write(Buffer.concat([Buffer.from([START]), Buffer.from(args.message, "utf8"), END]));
    });
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const start = received.indexOf(START);
      const end = received.indexOf(END, start + 1);
      if (start >= 0 && end > start) finish(() => resolve(received.subarray(start + 1, end).toString("utf8")));
    });
    socket.on("error", (error: Error) =>
      finish(() => reject(new MllpExchangeError(connected ? "CLOSED" : "CONNECT", `${connected ? "connection lost with" : "cannot connect to"} ${args.host}:${args.port}: ${error.message}`))),
    );
    socket.on("close", () => finish(() => reject(new MllpExchangeError("CLOSED", `${args.host}:${args.port} closed the connection without acknowledging`))));
  });
}
