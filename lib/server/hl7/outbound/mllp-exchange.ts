import "server-only";
import net from "node:net";
import { frameMllp, MllpDecoder } from "@/lib/hl7/mllp-decoder";

// One MLLP exchange (HL7 v2 Minimal Lower Layer Protocol, HL7 v2.5.1 appendix C): open a
// connection, send one framed message, wait for one framed answer, close. A connection per
// message keeps a RIS restart, a firewall dropping idle connections or a half-read frame from
// ever mixing two messages' answers; at the volet's rate (a few messages per request) the
// connection set-up costs nothing that matters.

/** The largest answer read: an ACK is a few hundred bytes; a peer sending more is not a RIS answering. */
const MAX_ANSWER_BYTES = 1024 * 1024;

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
    const decoder = new MllpDecoder(MAX_ANSWER_BYTES);
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
      socket.write(frameMllp(args.message));
    });
    socket.on("data", (chunk: Buffer) => {
      // The first whole frame is the answer; stray bytes or a broken frame before it are skipped.
      const answer = decoder.push(chunk).find((event) => event.kind === "message");
      if (answer) finish(() => resolve(answer.payload.toString("utf8")));
    });
    socket.on("error", (error: Error) =>
      finish(() => reject(new MllpExchangeError(connected ? "CLOSED" : "CONNECT", `${connected ? "connection lost with" : "cannot connect to"} ${args.host}:${args.port}: ${error.message}`))),
    );
    socket.on("close", () => finish(() => reject(new MllpExchangeError("CLOSED", `${args.host}:${args.port} closed the connection without acknowledging`))));
  });
}
