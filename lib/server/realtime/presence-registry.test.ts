import { describe, expect, it } from "vitest";
import { PresenceRegistry } from "./presence-registry";

const anne = { userId: "u-anne", displayName: "Dr Anne Dubois", role: "RADIOLOGIST" };
const karim = { userId: "u-karim", displayName: "Dr Karim Benali", role: "REFERRER" };
const r1 = { requestId: "r1", siteId: "s1" };
const r2 = { requestId: "r2", siteId: "s2" };

describe("the presence registry", () => {
  it("replaces a socket's set and reports the requests whose viewers changed", () => {
    const registry = new PresenceRegistry();
    expect(registry.watch("sock-a", anne, "viewing", [r1])).toEqual([r1]);
    // Declaring the same set again changes nothing.
    expect(registry.watch("sock-a", anne, "viewing", [r1])).toEqual([]);
    expect(registry.watch("sock-a", anne, "viewing", [r2])).toEqual([r1, r2]);
    expect([...registry.viewersOf(["r1", "r2"]).keys()]).toEqual(["r2"]);
    expect(registry.watch("sock-a", anne, "viewing", [])).toEqual([r2]);
    expect(registry.viewersOf(["r1", "r2"]).size).toBe(0);
  });

  it("lists each person once however many tabs they have open, and forgets a closed socket", () => {
    const registry = new PresenceRegistry();
    registry.watch("tab-1", anne, "viewing", [r1]);
    registry.watch("tab-2", anne, "viewing", [r1]);
    registry.watch("tab-3", karim, "viewing", [r1]);
    expect(registry.viewersOf(["r1"]).get("r1")!.map((v) => v.name)).toEqual(["Dr Anne Dubois", "Dr Karim Benali"]);

    expect(registry.removeSocket("tab-1")).toEqual([r1]);
    expect(registry.viewersOf(["r1"]).get("r1")!.map((v) => v.userId)).toEqual(["u-anne", "u-karim"]);
    registry.removeSocket("tab-2");
    expect(registry.viewersOf(["r1"]).get("r1")!.map((v) => v.userId)).toEqual(["u-karim"]);
    registry.removeSocket("tab-3");
    expect(registry.viewersOf(["r1"]).has("r1")).toBe(false);
    // Unknown sockets are harmless.
    expect(registry.removeSocket("tab-3")).toEqual([]);
  });
});
