import "server-only";
import { createServer, type Server, type Socket } from "node:net";
import { HL7_ERROR_CODES as E, problem } from "@/lib/domain/hl7/hl7-errors";
import { buildAck, fallbackAck } from "@/lib/hl7/build-ack";
import { frameMllp, MllpDecoder, type MllpEvent } from "@/lib/hl7/mllp-decoder";
import type { Db } from "../db/client";
import type { DicomTlsMaterial } from "../imaging/dimse/dicom-tls";
import { createConnectionGate, listenOn, listenTls, serversClosed, tlsPeerAddress } from "../network/tcp-listening";
import { receiveHl7Message } from "./receive-hl7-message";

// The HL7 v2 port (MLLP) where sites' RIS send their orders (volet Téléradiologie). Like the
// DICOM port: loopback unless the administrator opens it (HL7_HOST), TLS on its own port with the
// BCP 195 profile (mutual with a CA), connection limits overall and per address, an idle timeout
// and a maximum message size. Messages of one connection are answered in order, one at a time.

export interface Hl7ListenerLimits {
  maxMessageBytes: number;
  idleTimeoutMs: number;
  maxConnections: number;
  maxConnectionsPerPeer: number;
}

export const DEFAULT_HL7_LIMITS: Hl7ListenerLimits = { maxMessageBytes: 1024 * 1024, idleTimeoutMs: 60_000, maxConnections: 32, maxConnectionsPerPeer: 8 };

export interface Hl7ListenerOptions {
  db: Db;
  /** 0 picks a free port (tests); the chosen one is in the result. */
  port: number;
  host?: string;
  limits?: Partial<Hl7ListenerLimits>;
  /** MSH-3 of our ACKs when the sender's MSH-5 is empty. */
  application?: string;
  log?: (line: string) => void;
  tls?: { port: number; host?: string; material: DicomTlsMaterial; handshakeTimeoutMs?: number };
}

export interface Hl7Listener {
  port: number;
  tlsPort: number | null;
  close(): Promise<void>;
}

export async function startHl7Listener(options: Hl7ListenerOptions): Promise<Hl7Listener> {
  const log = options.log ?? ((line: string) => console.log(`[hl7] ${line}`));
  const limits: Hl7ListenerLimits = { ...DEFAULT_HL7_LIMITS, ...options.limits };
  const host = options.host ?? "127.0.0.1";
  const application = options.application ?? "TELERADIO";
  const inFlight = new Set<Promise<void>>();
  const gate = createConnectionGate(limits, log);
  const { sockets, admit } = gate;

  const serve = (socket: Socket, peerAddress: string): void => {
    socket.setTimeout(limits.idleTimeoutMs);
    socket.on("timeout", () => socket.destroy());
    socket.on("error", (error) => log(`HL7 connection from ${peerAddress} closed: ${error.message}`));
    socket.setNoDelay(true);
    const decoder = new MllpDecoder(limits.maxMessageBytes);
    let queue = Promise.resolve();
    socket.on("data", (chunk: Buffer) => {
      const events = decoder.push(chunk);
      if (events.length === 0) return;
      // One message at a time per connection: the sender reads ACKs in the order it sent.
      socket.pause();
      const task = (queue = queue.then(async () => {
        for (const event of events) {
          // Whatever failed, the sender gets an answer and the connection goes on.
          const ack = await answerTo(event, peerAddress).catch((error: unknown) => {
            log(`HL7 answer from ${peerAddress} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
            return fallbackAck(`F${Date.now()}`, application);
          });
          if (socket.destroyed) return;
          socket.write(frameMllp(ack));
        }
        if (!socket.destroyed) socket.resume();
      }));
      const settled = task.catch((error: unknown) => log(`HL7 handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      inFlight.add(settled);
      void settled.finally(() => inFlight.delete(settled));
    });
  };

  const answerTo = async (event: MllpEvent, peerAddress: string): Promise<string> => {
    if (event.kind === "framing-error") {
      log(`HL7 framing error from ${peerAddress}: ${event.reason}`);
      const empty = { sendingApplication: "", sendingFacility: "", receivingApplication: "", receivingFacility: "", triggerEvent: "", controlId: "" };
      return buildAck({ received: empty, ackCode: "AR", problems: [problem(E.SEGMENT_SEQUENCE, `trame MLLP invalide : ${event.reason}`)], ownApplication: application, controlId: `F${Date.now()}` });
    }
    const result = await receiveHl7Message({ db: options.db, peerAddress, ownApplication: application, log }, decodeText(event.payload));
    return result.ack;
  };

  const plain = createServer((socket) => {
    if (admit(socket, "HL7")) serve(socket, socket.remoteAddress ?? "?");
  });
  const servers: Server[] = [plain];
  const port = await listenOn(plain, options.port, host, log, "HL7");
  log(`HL7 MLLP listener on ${host}:${port}`);
  let tlsPort: number | null = null;
  if (options.tls) {
    const tlsHost = options.tls.host ?? host;
    try {
      const secure = await listenTls({
        material: options.tls.material,
        handshakeTimeoutMs: options.tls.handshakeTimeoutMs ?? 10_000,
        port: options.tls.port,
        host: tlsHost,
        label: "HL7 TLS",
        gate,
        log,
        serve: (socket) => serve(socket, tlsPeerAddress(socket)),
      });
      servers.push(secure.server);
      tlsPort = secure.port;
    } catch (error) {
      plain.close();
      throw error;
    }
    log(`HL7 MLLP TLS listener on ${tlsHost}:${tlsPort}${options.tls.material.ca ? " (client certificates required)" : ""}`);
  }

  let closing: Promise<void> | null = null;
  return {
    port,
    tlsPort,
    close() {
      closing ??= (async () => {
        const stopped = serversClosed(servers);
        // A message being processed finishes (its transaction commits or not); the sender, seeing
        // no ACK, resends, and the control id makes the resend harmless.
        while (inFlight.size > 0) await Promise.all([...inFlight]);
        for (const socket of sockets) socket.destroy();
        await stopped;
      })();
      return closing;
    },
  };
}

/** UTF-8 as the volet declares (MSH-18 "UNICODE UTF-8"); ISO 8859-1 when MSH-18 says so. */
function decodeText(payload: Buffer): string {
  const firstSegment = payload.subarray(0, Math.min(payload.length, 1024)).toString("latin1").split("\r")[0] ?? "";
  const charset = firstSegment.split(firstSegment[3] ?? "|")[17] ?? "";
  return /8859\/1|8859-1/i.test(charset) ? payload.toString("latin1") : payload.toString("utf8");
}
