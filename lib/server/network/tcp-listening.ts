import "server-only";
import type { AddressInfo, Server, Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { createDicomTlsServer, type DicomTlsMaterial } from "../imaging/dimse/dicom-tls";
import { ConnectionCounter } from "../imaging/dimse/listener-limits";

// What the DICOM and HL7 ports share as TCP servers: connections counted in (overall and per
// address) before a byte is read, the port actually bound, and a close that waits for both.

export type Log = (line: string) => void;

export interface ConnectionGate {
  /** The connections open now: closing the listener ends them. */
  readonly sockets: Set<Socket>;
  /** Counts a new TCP connection in (before any TLS handshake): false when it was refused and closed. */
  admit(socket: Socket, label: string): boolean;
}

export function createConnectionGate(limits: { maxConnections: number; maxConnectionsPerPeer: number }, log: Log): ConnectionGate {
  const sockets = new Set<Socket>();
  const connections = new ConnectionCounter(limits);
  return {
    sockets,
    admit(socket, label) {
      const peer = socket.remoteAddress ?? "?";
      const admitted = connections.admit(peer);
      if (admitted !== true) {
        // Refused before a byte is read: a flood of connections costs a file descriptor each, briefly.
        log(`${label} connection from ${peer} refused: ${admitted}`);
        socket.destroy();
        return false;
      }
      sockets.add(socket);
      socket.once("close", () => {
        sockets.delete(socket);
        connections.release(peer);
      });
      return true;
    },
  };
}

/** Binds the server and answers the port it got (0 picks a free one); later errors are logged. */
export async function listenOn(server: Server, port: number, host: string, log: Log, label: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => log(`${label} listener error: ${error.message}`));
  return (server.address() as AddressInfo).port;
}

/** Resolves once every server has stopped accepting and its last connection is gone. */
export function serversClosed(servers: Server[]): Promise<void> {
  return Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => undefined);
}

/**
 * The peer's address of a TLS connection: once a handshake failed, the TLS socket's own is gone
 * with its handle, and only the TCP socket underneath still has it.
 */
export function tlsPeerAddress(socket: TLSSocket): string {
  return socket.remoteAddress ?? (socket as unknown as { _parent?: Socket })._parent?.remoteAddress ?? "?";
}

/** Why a TLS client was refused: a certificate the CA did not issue only shows in authorizationError. */
export function tlsRefusalReason(socket: TLSSocket, error: Error): string {
  return socket.authorizationError ? `client certificate refused (${String(socket.authorizationError)})` : error.message;
}

/**
 * The TLS port of a listener: each raw TCP connection is counted in by the gate before the
 * handshake (which the timeout bounds), the conversation starts once the peer is authenticated,
 * and a refused client is logged with its address and why.
 */
export async function listenTls(args: {
  material: DicomTlsMaterial;
  handshakeTimeoutMs: number;
  port: number;
  host: string;
  label: string;
  gate: ConnectionGate;
  log: Log;
  serve: (socket: TLSSocket) => void;
}): Promise<{ server: Server; port: number }> {
  const { label, log } = args;
  const server = createDicomTlsServer(args.material, args.handshakeTimeoutMs);
  server.on("connection", (raw: Socket) => void args.gate.admit(raw, label));
  server.on("secureConnection", args.serve);
  server.on("tlsClientError", (error, socket) => {
    // A certificate the CA did not issue fails after the handshake: Node then closes the socket
    // itself and reports only "socket hang up".
    log(`${label} connection from ${tlsPeerAddress(socket)} refused: ${tlsRefusalReason(socket, error)}`);
    socket.destroy();
  });
  return { server, port: await listenOn(server, args.port, args.host, log, label) };
}
