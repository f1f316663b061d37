import { describe, expect, it } from "vitest";
import { prefersServerRendering, renderedFrameUrl, rgbFromRgba } from "./server-rendering";

describe("frames the server renders for the viewer", () => {
  it("sends palette colour, YBR_FULL_422, 1-bit and 32/64-bit frames straight to the server", () => {
    expect(prefersServerRendering({ photometricInterpretation: "PALETTE COLOR", bitsAllocated: 8 })).toBe(true);
    expect(prefersServerRendering({ photometricInterpretation: "YBR_FULL_422", bitsAllocated: 8 })).toBe(true);
    expect(prefersServerRendering({ photometricInterpretation: "MONOCHROME2", bitsAllocated: 1 })).toBe(true);
    expect(prefersServerRendering({ photometricInterpretation: "MONOCHROME2", bitsAllocated: 32 })).toBe(true);
    expect(prefersServerRendering({ photometricInterpretation: "MONOCHROME2", bitsAllocated: 64 })).toBe(true);
  });

  it("lets the browser decode ordinary grey and RGB frames, and frames it knows nothing of", () => {
    expect(prefersServerRendering({ photometricInterpretation: "MONOCHROME2", bitsAllocated: 16 })).toBe(false);
    expect(prefersServerRendering({ photometricInterpretation: "RGB", bitsAllocated: 8 })).toBe(false);
    expect(prefersServerRendering({})).toBe(false);
  });

  it("asks the rendered frame of the very frame the image id names", () => {
    expect(renderedFrameUrl("wadors:/dicomweb/studies/1.2/series/3.4/instances/5.6/frames/2")).toBe("/dicomweb/studies/1.2/series/3.4/instances/5.6/frames/2/rendered");
    expect(renderedFrameUrl("https://pacs/dicomweb/studies/1/series/2/instances/3/frames/1")).toBe("https://pacs/dicomweb/studies/1/series/2/instances/3/frames/1/rendered");
    expect(renderedFrameUrl("wadouri:/file.dcm")).toBeNull();
  });

  it("keeps red, green and blue of each pixel and drops alpha", () => {
    expect(Array.from(rgbFromRgba([10, 20, 30, 255, 40, 50, 60, 0]))).toEqual([10, 20, 30, 40, 50, 60]);
  });
});
