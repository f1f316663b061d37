import { describe, expect, it } from "vitest";
import { isCrossSiteWrite, isForeignOrigin } from "./origin-check";

const request = (method: string, headers: Record<string, string>) => ({ method, headers });

describe("the origin check", () => {
  it("refuses a write sent by another site's page, and one from an opaque origin", () => {
    expect(isCrossSiteWrite(request("POST", { host: "teleradio.chu.fr", origin: "https://evil.example" }), { trustProxy: false })).toBe(true);
    expect(isCrossSiteWrite(request("POST", { host: "teleradio.chu.fr", origin: "null" }), { trustProxy: false })).toBe(true);
  });

  it("lets through our own pages, programs that send no Origin, and reads", () => {
    expect(isCrossSiteWrite(request("POST", { host: "teleradio.chu.fr", origin: "https://teleradio.chu.fr" }), { trustProxy: false })).toBe(false);
    expect(isCrossSiteWrite(request("POST", { host: "teleradio.chu.fr" }), { trustProxy: false })).toBe(false);
    expect(isCrossSiteWrite(request("GET", { host: "teleradio.chu.fr", origin: "https://evil.example" }), { trustProxy: false })).toBe(false);
  });

  it("compares with the proxy's forwarded host only when the proxy is trusted", () => {
    const behindProxy = { host: "127.0.0.1:3000", "x-forwarded-host": "teleradio.chu.fr", origin: "https://teleradio.chu.fr" };
    expect(isForeignOrigin(request("POST", behindProxy), { trustProxy: true })).toBe(false);
    expect(isForeignOrigin(request("POST", behindProxy), { trustProxy: false })).toBe(true);
  });
});
