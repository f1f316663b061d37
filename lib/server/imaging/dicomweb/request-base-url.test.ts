import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { requestBaseUrl } from "./request-base-url";

const request = (headers: Record<string, string>) => ({ headers, socket: new Socket() });

describe("requestBaseUrl", () => {
  it("uses the host the client used, whatever it is", () => {
    expect(requestBaseUrl(request({ host: "127.0.0.1:3000" }), { trustForwarded: false })).toBe("http://127.0.0.1:3000/dicomweb");
    expect(requestBaseUrl(request({ host: "localhost:3000" }), { trustForwarded: false })).toBe("http://localhost:3000/dicomweb");
    expect(requestBaseUrl(request({ host: "[::1]:3000" }), { trustForwarded: false })).toBe("http://[::1]:3000/dicomweb");
  });
  it("ignores X-Forwarded-* unless a trusted proxy sets them", () => {
    const headers = { host: "10.0.0.5:3000", "x-forwarded-host": "pacs.example.org", "x-forwarded-proto": "https" };
    expect(requestBaseUrl(request(headers), { trustForwarded: false })).toBe("http://10.0.0.5:3000/dicomweb");
    expect(requestBaseUrl(request(headers), { trustForwarded: true })).toBe("https://pacs.example.org/dicomweb");
  });
  it("never writes a malformed Host into URLs", () => {
    expect(requestBaseUrl(request({ host: 'evil.example/"><script>' }), { trustForwarded: false })).toBe("http://localhost/dicomweb");
  });
});
