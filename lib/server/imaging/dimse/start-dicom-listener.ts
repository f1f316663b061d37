import "server-only";
import { createServer, type Server, type Socket } from "node:net";
import type { ImageDeps } from "../runtime/image-deps";
import type { DicomTlsMaterial } from "./dicom-tls";
import { createConnectionGate, listenOn, listenTls, serversClosed } from "../../network/tcp-listening";
import { DEFAULT_LISTENER_LIMITS, type ListenerLimits } from "./listener-limits";
import { type ScpContext, StoreScp } from "./store-scp";

// The DICOM port of the archive: sites' PACS and modalities push instances by C-STORE (and
// check the link with C-ECHO). The TCP server is ours rather than dcmjs-dimse's Server, which
// cannot bind a host, report the port it got, or tell when it has closed. With TLS material a
// second port speaks DICOM TLS; both share the connection limits, timeouts and the same SCP.

export interface DicomListener {
  port: number;
  /** The DICOM TLS port, or null without TLS. */
  tlsPort: number | null;
  close(): Promise<void>;
}

export interface DicomListenerOptions {
  /** 0 picks a free port (tests); the chosen one is in the result. */
  port: number;
  /** Default "127.0.0.1": a site's network reaches it only when the administrator says so (DICOM_HOST). */
  host?: string;
  /** Network limits; each one missing takes its default (listener-limits.ts). */
  limits?: Partial<ListenerLimits>;
  /** The called AE title this archive answers to; associations for another one are rejected. */
  aeTitle: string;
  deps: ImageDeps;
  log?: (line: string) => void;
  /**
   * DICOM TLS on a second port (0 picks a free one), on `host` unless it has its own: with the
   * plain port left on loopback, the network reaches this archive over TLS only.
   */
  tls?: { port: number; host?: string; material: DicomTlsMaterial };
}

export async function startDicomListener(options: DicomListenerOptions): Promise<DicomListener> {
  const aeTitle = options.aeTitle.trim();
  // AE (PS3.5 6.2): 1 to 16 characters, no backslash or control characters.
  if (!/^[\x20-\x5b\x5d-\x7e]{1,16}$/.test(aeTitle)) throw new Error(`invalid DICOM AE title "${options.aeTitle}"`);
  const log = options.log ?? ((line: string) => console.log(`[dicom] ${line}`));

  const inFlight = new Set<Promise<void>>();
  const track = (task: Promise<void>): void => {
    const settled = task.catch((error: unknown) => log(`DIMSE handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };
  const limits: ListenerLimits = { ...DEFAULT_LISTENER_LIMITS, ...options.limits };
  const context = { aeTitle, deps: options.deps, log, track, limits };
  const host = options.host ?? "127.0.0.1";

  const gate = createConnectionGate(limits, log);
  const { sockets, admit } = gate;
  const serve = (socket: Socket, channel: ScpContext["channel"]): void => {
    // Silence in both directions for this long ends the connection ('timeout' reaches the library,
    // which reports a network error, handled below).
    socket.setTimeout(limits.idleTimeoutMs);
    // Each C-STORE response is one small PDU the sender waits for before the next instance.
    socket.setNoDelay(true);
    const scp = new StoreScp(socket, { ...context, channel });
    // One listener argument: dcmjs-dimse's emitter treats a second one as a completion callback.
    scp.on("networkError", (error: Error) => {
      log(`DICOM connection from ${socket.remoteAddress ?? "?"} closed: ${error.message}`);
      socket.destroy();
    });
  };

  const plain = createServer((socket) => {
    if (admit(socket, "DICOM")) serve(socket, "DIMSE");
  });
  const servers: Server[] = [plain];
  const port = await listenOn(plain, options.port, host, log, "DICOM");
  log(`DICOM listener ${aeTitle} on ${host}:${port}`);

  let tlsPort: number | null = null;
  if (options.tls) {
    const tlsHost = options.tls.host ?? host;
    try {
      // The handshake is bounded by the association timeout (ARTIM).
      const secure = await listenTls({
        material: options.tls.material,
        handshakeTimeoutMs: limits.associationTimeoutMs,
        port: options.tls.port,
        host: tlsHost,
        label: "DICOM TLS",
        gate,
        log,
        serve: (socket) => serve(socket, "DIMSE_TLS"),
      });
      servers.push(secure.server);
      tlsPort = secure.port;
    } catch (error) {
      plain.close();
      throw error;
    }
    log(`DICOM TLS listener ${aeTitle} on ${tlsHost}:${tlsPort}${options.tls.material.ca ? " (client certificates required)" : ""}`);
  }

  let closing: Promise<void> | null = null;
  return {
    port,
    tlsPort,
    close() {
      closing ??= (async () => {
        const stopped = serversClosed(servers);
        // Senders see the connection drop and resend what was not answered: ingest is
        // idempotent on SOP Instance UID, so an instance stored without its response is safe.
        for (const socket of sockets) socket.destroy();
        // Stores already under way finish, so the caller may then close the database.
        while (inFlight.size > 0) await Promise.all([...inFlight]);
        await stopped;
      })();
      return closing;
    },
  };
}
