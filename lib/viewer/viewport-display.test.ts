import { describe, expect, it } from "vitest";
import { LoadDeadlineError } from "./load-deadline";
import { decodedImageProblem, describeLoadError, EMPTY_DISPLAY, nextDisplay, showsPixels, type DisplayEvent, type ViewportDisplay } from "./viewport-display";

const run = (...events: DisplayEvent[]): ViewportDisplay => events.reduce(nextDisplay, EMPTY_DISPLAY);
const decode = { kind: "decode", message: "truncated codestream" } as const;

describe("what a viewport may show", () => {
  it("shows pixels only once an image of the series asked for is in", () => {
    const loading = run({ type: "reserve" }, { type: "series", token: 1, seriesKey: "ct" });
    expect(showsPixels(loading)).toBe(false);
    expect(showsPixels(nextDisplay(loading, { type: "imageShown", seriesKey: "ct" }))).toBe(true);
  });

  it("drops the previous series' pixels the moment another is asked for, and when its first image fails", () => {
    const ct = run({ type: "reserve" }, { type: "series", token: 1, seriesKey: "ct" }, { type: "imageShown", seriesKey: "ct" });
    const switching = nextDisplay(ct, { type: "reserve" });
    expect(showsPixels(switching)).toBe(false);
    // A late image of the CT (its load was superseded) does not bring it back.
    expect(showsPixels(nextDisplay(switching, { type: "imageShown", seriesKey: "ct" }))).toBe(false);
    const failed = run({ type: "reserve" }, { type: "series", token: 1, seriesKey: "ct" }, { type: "imageShown", seriesKey: "ct" }, { type: "reserve" }, { type: "series", token: 2, seriesKey: "broken" }, { type: "failed", seriesKey: "broken", imageIndex: 0, targetIndex: 0, reason: decode });
    expect(failed).toMatchObject({ phase: "failed", seriesKey: "broken", failure: { imageIndex: 0, reason: decode } });
    expect(showsPixels(failed)).toBe(false);
  });

  it("ignores the failure of a superseded load: the later series stays on screen", () => {
    const later = run({ type: "reserve" }, { type: "reserve" }, { type: "series", token: 2, seriesKey: "mr" }, { type: "imageShown", seriesKey: "mr" });
    expect(nextDisplay(later, { type: "failed", token: 1, imageIndex: null, reason: { kind: "http", status: 500 } })).toBe(later);
    expect(nextDisplay(later, { type: "failed", seriesKey: "ct", imageIndex: 0, targetIndex: 0, reason: decode })).toBe(later);
    // The metadata of the superseded load arriving late does not take the viewport either.
    expect(nextDisplay(later, { type: "series", token: 1, seriesKey: "ct" })).toBe(later);
  });

  it("fails mid-stack only for the image the viewport is going to, and shows again when the reader scrolls back", () => {
    const shown = run({ type: "reserve" }, { type: "series", token: 1, seriesKey: "ct" }, { type: "imageShown", seriesKey: "ct" });
    // A prefetched slice failing elsewhere in the stack does not concern the image on screen.
    expect(nextDisplay(shown, { type: "failed", seriesKey: "ct", imageIndex: 4, targetIndex: 1, reason: decode })).toBe(shown);
    const failed = nextDisplay(shown, { type: "failed", seriesKey: "ct", imageIndex: 4, targetIndex: 4, reason: decode });
    expect(failed).toMatchObject({ phase: "failed", failure: { imageIndex: 4 } });
    expect(nextDisplay(failed, { type: "imageShown", seriesKey: "ct" })).toMatchObject({ phase: "shown", failure: null });
  });

  it("a series that fails before its metadata is in fails by its token; an emptied viewport takes no failure", () => {
    const failed = run({ type: "reserve" }, { type: "failed", token: 1, imageIndex: null, reason: { kind: "http", status: 404 } });
    expect(failed).toMatchObject({ phase: "failed", failure: { imageIndex: null, reason: { kind: "http", status: 404 } } });
    const emptied = run({ type: "reserve" }, { type: "empty" }, { type: "failed", token: 2, imageIndex: null, reason: decode });
    expect(emptied.phase).toBe("empty");
  });
});

describe("reading a load failure", () => {
  it("tells an HTTP answer from a decode error", () => {
    expect(describeLoadError({ request: {}, response: null, status: 404 })).toEqual({ kind: "http", status: 404 });
    expect(describeLoadError({ error: new Error("OpenJPEG: stream too short") })).toEqual({ kind: "decode", message: "OpenJPEG: stream too short" });
    expect(describeLoadError({ status: 200, truncatedCodestream: 64 })).toEqual({ kind: "truncated", bytes: 64 });
    expect(describeLoadError("worker crashed")).toEqual({ kind: "decode", message: "worker crashed" });
    expect(describeLoadError(undefined)).toEqual({ kind: "unknown", message: "undefined" });
  });
});

describe("an image the codec says it decoded", () => {
  it("is a failure when it holds no pixels or no range (a codestream the codec could not read)", () => {
    expect(decodedImageProblem({ rows: 128, columns: 128, values: 128 * 128, min: -1000, max: 2000 })).toBeNull();
    expect(decodedImageProblem({ rows: 2, columns: 2, values: 12, min: 0, max: 255 })).toBeNull();
    expect(decodedImageProblem({ rows: 128, columns: 128, values: 0, min: 0, max: 0 })).toBe("0/16384 px");
    expect(decodedImageProblem({ rows: 0, columns: 0, values: 0, min: 0, max: 0 })).toBe("0×0 px");
    expect(decodedImageProblem({ rows: 4, columns: 4, values: 16, min: NaN, max: 3 })).toBe("NaN");
  });

  it("reads a load past its deadline as a timeout, not a decoding error", () => {
    expect(describeLoadError(new LoadDeadlineError(12))).toEqual({ kind: "timeout", seconds: 12 });
  });
});
