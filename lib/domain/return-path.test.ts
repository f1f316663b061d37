import { describe, expect, it } from "vitest";
import { returnPathOf } from "./return-path";

const origin = "https://teleradio.example.fr";

describe("the way back after signing in", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(returnPathOf("/requests/42?tab=report#sign", origin)).toBe("/requests/42?tab=report#sign");
    expect(returnPathOf(`${origin}/worklist`, origin)).toBe("/worklist");
  });

  it("refuses anything that leaves the site or loops back to sign-in", () => {
    expect(returnPathOf("https://evil.example/worklist", origin)).toBeNull();
    expect(returnPathOf("//evil.example/worklist", origin)).toBeNull();
    expect(returnPathOf("/\\evil.example", origin)).toBeNull();
    expect(returnPathOf("javascript:alert(1)", origin)).toBeNull();
    expect(returnPathOf("/signin?error=x", origin)).toBeNull();
    expect(returnPathOf("/api/auth/signout", origin)).toBeNull();
    expect(returnPathOf("", origin)).toBeNull();
    expect(returnPathOf(null, origin)).toBeNull();
  });
});
