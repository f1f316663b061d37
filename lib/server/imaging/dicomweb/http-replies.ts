import type { ServerResponse } from "node:http";

// Answers of the DICOMweb handler. Errors are JSON with a message a site's IT team can read.

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = "application/dicom+json"): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": `${contentType}; charset=utf-8`, "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store" });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, message: string, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify({ error: message });
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store", ...extraHeaders });
  res.end(text);
}
