import { describe, expect, it } from "vitest";
import { MllpDecoder } from "./mllp-decoder";

const frame = (text: string) => Buffer.from(`\x0b${text}\x1c\r`);

describe("MLLP framing", () => {
  it("hands out whole messages, split across chunks or several in one", () => {
    const decoder = new MllpDecoder(1024);
    const both = Buffer.concat([frame("MSH|A"), frame("MSH|B")]);
    expect(decoder.push(both.subarray(0, 4))).toEqual([]);
    const events = decoder.push(both.subarray(4));
    expect(events.map((event) => (event.kind === "message" ? event.payload.toString() : event.kind))).toEqual(["MSH|A", "MSH|B"]);
  });

  it("reports bytes outside a frame and a frame over the limit, then goes on", () => {
    const decoder = new MllpDecoder(8);
    expect(decoder.push(Buffer.from("junk")).map((event) => event.kind)).toEqual(["framing-error"]);
    expect(decoder.push(frame("MSH|TOO LONG FOR EIGHT")).map((event) => event.kind)).toEqual(["framing-error"]);
    expect(decoder.push(frame("MSH|OK")).map((event) => (event.kind === "message" ? event.payload.toString() : event.kind))).toEqual(["MSH|OK"]);
  });
});
