import { describe, expect, it } from "vitest";
import type { Actor } from "./access";
import { canPostToThread, postThreadMessageSchema, threadMessageRecipients } from "./thread";

const requestId = "5b0c7c1e-8f43-4c2a-9d39-3f7c1f6f0a11";
const actor = (role: Actor["role"], siteId: string | null, readableSiteIds: string[] = []): Actor => ({ id: "a", role, displayName: "A", siteId, readableSiteIds });

describe("a thread message", () => {
  it("is free text trimmed to 1..2000 characters, or a known quick action with optional text", () => {
    expect(postThreadMessageSchema.parse({ requestId, body: "  Bonjour \n" })).toEqual({ requestId, body: "Bonjour", quickAction: null });
    expect(postThreadMessageSchema.parse({ requestId, quickAction: "CALL_ME" })).toEqual({ requestId, body: "", quickAction: "CALL_ME" });
    expect(postThreadMessageSchema.safeParse({ requestId, body: " \t " }).error?.issues[0]).toMatchObject({ path: ["body"], message: "validation.required" });
    expect(postThreadMessageSchema.safeParse({ requestId, body: "x".repeat(2001) }).success).toBe(false);
    expect(postThreadMessageSchema.safeParse({ requestId, body: "a\0b" }).success).toBe(false);
    expect(postThreadMessageSchema.safeParse({ requestId, quickAction: "SHOUT" }).success).toBe(false);
  });

  it("is written by the site's staff and the radiologists reading for it, not by the head", () => {
    expect(canPostToThread(actor("REFERRER", "s1"), "s1")).toBe(true);
    expect(canPostToThread(actor("RADIOGRAPHER", "s1"), "s1")).toBe(true);
    expect(canPostToThread(actor("REFERRER", "s2"), "s1")).toBe(false);
    expect(canPostToThread(actor("RADIOLOGIST", "hub", ["s1"]), "s1")).toBe(true);
    expect(canPostToThread(actor("RADIOLOGIST", "s1", ["s2"]), "s1")).toBe(false);
    expect(canPostToThread(actor("DEPARTMENT_HEAD", null), "s1")).toBe(false);
  });

  it("is announced to the requester, the holder and, for a télédiagnostic, the radiographers; never to its author", () => {
    const base = { requesterId: "ref", holderId: "rad", siteRadiographerIds: ["m1", "m2"] };
    expect(threadMessageRecipients({ ...base, authorId: "rad", isTeleDiagnostic: true }).sort()).toEqual(["m1", "m2", "ref"]);
    expect(threadMessageRecipients({ ...base, authorId: "m1", isTeleDiagnostic: true }).sort()).toEqual(["m2", "rad", "ref"]);
    expect(threadMessageRecipients({ ...base, authorId: "ref", isTeleDiagnostic: false }).sort()).toEqual(["rad"]);
    expect(threadMessageRecipients({ ...base, holderId: null, authorId: "other", isTeleDiagnostic: false })).toEqual(["ref"]);
  });
});
