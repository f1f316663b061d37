import { describe, expect, it } from "vitest";
import { isCrossOriginRequest } from "./cross-origin-request";

const request = (headers: Record<string, string>) => ({ headers });
const direct = { trustProxy: false };

describe("a request made by another origin's page", () => {
  it("is one when its Origin is another host, or another port of the same host", () => {
    expect(isCrossOriginRequest(request({ host: "teleradio.chu.fr", origin: "https://viewer.chu.fr" }), direct)).toBe(true);
    expect(isCrossOriginRequest(request({ host: "127.0.0.1:3600", origin: "http://127.0.0.1:4600" }), direct)).toBe(true);
  });

  it("is one when the browser says the page is on another origin, though it sent no Origin (an image)", () => {
    expect(isCrossOriginRequest(request({ host: "127.0.0.1:3600", "sec-fetch-site": "same-site" }), direct)).toBe(true);
    expect(isCrossOriginRequest(request({ host: "teleradio.chu.fr", "sec-fetch-site": "cross-site" }), direct)).toBe(true);
  });

  it("is not one for our own pages, a typed address, or a program", () => {
    expect(isCrossOriginRequest(request({ host: "teleradio.chu.fr", origin: "https://teleradio.chu.fr", "sec-fetch-site": "same-origin" }), direct)).toBe(false);
    expect(isCrossOriginRequest(request({ host: "teleradio.chu.fr", "sec-fetch-site": "none" }), direct)).toBe(false);
    expect(isCrossOriginRequest(request({ host: "teleradio.chu.fr" }), direct)).toBe(false);
  });
});
