import type { IncomingMessage } from "node:http";
import { DICOMWEB_BASE_PATH } from "./dicomweb-routes";

// The base of the URLs this server writes into its answers (BulkDataURI, RetrieveURL), built
// from the address the client used: a workstation reaching the server as 127.0.0.1, by a LAN
// name or through a reverse proxy gets URLs that work for it, never a configured host name
// (which a client on another network may not resolve). X-Forwarded-Host/-Proto are believed
// only when the server is told that a proxy it trusts sets them.

const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

export function requestBaseUrl(req: Pick<IncomingMessage, "headers" | "socket">, options: { trustForwarded: boolean }): string {
  const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();
  const forwardedHost = options.trustForwarded ? first(req.headers["x-forwarded-host"]) : undefined;
  const forwardedProto = options.trustForwarded ? first(req.headers["x-forwarded-proto"])?.toLowerCase() : undefined;
  const candidate = forwardedHost ?? first(req.headers.host);
  // A Host that is not a host name (spaces, slashes, quotes) would inject into every URL we write.
  const host = candidate && HOST.test(candidate) ? candidate : (req.socket.localAddress ? hostOf(req.socket.localAddress, req.socket.localPort) : "localhost");
  const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
  const protocol = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : encrypted ? "https" : "http";
  return `${protocol}://${host}${DICOMWEB_BASE_PATH}`;
}

function hostOf(address: string, port: number | undefined): string {
  const name = address.includes(":") ? `[${address}]` : address;
  return port ? `${name}:${port}` : name;
}
