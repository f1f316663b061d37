import { describe, expect, it } from "vitest";
import { parseRenderedParams } from "./rendered-params";

const parse = (query: string) => parseRenderedParams(new URLSearchParams(query));

describe("parseRenderedParams", () => {
  it("reads window, viewport and quality", () => {
    expect(parse("window=40,400,sigmoid&viewport=256,128,10,20,-100,50&quality=75")).toEqual({
      ok: true,
      params: { window: { center: 40, width: 400, fn: "SIGMOID" }, viewport: { width: 256, height: 128, region: { x: 10, y: 20, width: -100, height: 50 } }, quality: 75 },
    });
    expect(parse("window=-600,1500")).toMatchObject({ ok: true, params: { window: { center: -600, width: 1500, fn: "LINEAR" }, viewport: null, quality: 90 } });
  });
  it.each([
    ["window=40", "window must be center,width"],
    ["window=40,abc", "window must be center,width"],
    ["window=40,400,cubic", "window function"],
    ["window=40,0", "window width must be at least 1"],
    ["viewport=0,100", "viewport width and height"],
    ["viewport=100,100,0,0", "viewport must be vw,vh"],
    ["viewport=100,100,0,0,0,10", "non-zero size"],
    ["viewport=99999,10", "viewport width and height"],
    ["quality=0", "quality must be"],
    ["quality=101", "quality must be"],
    ["quality=5.5", "quality must be"],
  ])("refuses %s with the reason", (query, reason) => {
    const parsed = parse(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(reason);
  });
});
