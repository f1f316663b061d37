import { afterEach, describe, expect, it } from "vitest";
import { frameRequestHeaders, preferSinglePartFrames } from "./frame-requests";

describe("frame request headers", () => {
  let stop: (() => void) | null = null;
  afterEach(() => stop?.());

  it("asks our server for single-part frames, and leaves other servers on multipart", () => {
    stop = preferSinglePartFrames("http://127.0.0.1:3000/dicomweb");
    expect(frameRequestHeaders("wadors:http://127.0.0.1:3000/dicomweb/studies/1/series/2/instances/3/frames/1")).toEqual({ Accept: "application/octet-stream; transfer-syntax=*" });
    expect(frameRequestHeaders("wadors:http://127.0.0.1:8042/dicom-web/studies/1/series/2/instances/3/frames/1")).toBeUndefined();
    stop();
    stop = null;
    expect(frameRequestHeaders("wadors:http://127.0.0.1:3000/dicomweb/studies/1/series/2/instances/3/frames/1")).toBeUndefined();
  });
});
