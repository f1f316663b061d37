import { describe, expect, it } from "vitest";
import { LiveChannel } from "./live-channel";

describe("the live channel", () => {
  it("declares the union of watched requests, and the empty set when the last one goes", () => {
    const channel = new LiveChannel();
    const sent: string[][] = [];
    channel.connected((ids) => sent.push(ids));
    const stopA = channel.watch("a");
    const stopA2 = channel.watch("a");
    const stopB = channel.watch("b");
    stopA();
    stopA(); // idempotent
    stopB();
    stopA2();
    expect(sent).toEqual([[], ["a"], ["a", "b"], ["a"], []]);
  });

  it("sends nothing while disconnected and declares everything again on reconnection", () => {
    const channel = new LiveChannel();
    channel.watch("r1");
    const first: string[][] = [];
    channel.connected((ids) => first.push(ids));
    channel.disconnected();
    channel.watch("r2");
    const second: string[][] = [];
    channel.connected((ids) => second.push(ids));
    expect(first).toEqual([["r1"]]);
    expect(second).toEqual([["r1", "r2"]]);
  });

  it("calls every vital listener until it unsubscribes", () => {
    const channel = new LiveChannel();
    let calls = 0;
    const stop = channel.onVitalAlert(() => calls++);
    channel.vitalAlert();
    stop();
    channel.vitalAlert();
    expect(calls).toBe(1);
  });
});
