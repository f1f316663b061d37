import { describe, expect, it } from "vitest";
import { imageTransitions, isAfterSigning } from "./image-arrival";

describe("image arrival", () => {
  it("moves a télédiagnostic whose protocol was sent to images arriving, then complete", () => {
    expect(imageTransitions("TELEDIAGNOSTIC", "PROTOCOL_SENT", "received")).toEqual([{ action: "RECEIVE_IMAGES", to: "IMAGES_ARRIVING" }]);
    expect(imageTransitions("TELEDIAGNOSTIC", "IMAGES_ARRIVING", "complete")).toEqual([{ action: "COMPLETE_IMAGES", to: "IMAGES_COMPLETE" }]);
  });

  it("passes both steps when a complete study is linked to a request waiting for images", () => {
    expect(imageTransitions("TELEDIAGNOSTIC", "PROTOCOL_SENT", "complete").map((step) => step.to)).toEqual(["IMAGES_ARRIVING", "IMAGES_COMPLETE"]);
  });

  it("leaves the status alone before the protocol, for a téléexpertise and after completion", () => {
    expect(imageTransitions("TELEDIAGNOSTIC", "SUBMITTED", "received")).toEqual([]);
    expect(imageTransitions("TELEEXPERTISE", "SUBMITTED", "complete")).toEqual([]);
    expect(imageTransitions("TELEDIAGNOSTIC", "IMAGES_COMPLETE", "received")).toEqual([]);
  });

  it("knows which statuses come after signing", () => {
    expect(["SIGNED", "DELIVERED", "ACKNOWLEDGED"].every((status) => isAfterSigning(status as never))).toBe(true);
    expect(isAfterSigning("IN_READING")).toBe(false);
  });
});
