import { describe, expect, it } from "vitest";
import { admitsAnyAddress, ANY_ADDRESS, isAddressAllowed, MAX_ALLOW_LIST_ENTRIES, parseAllowList, parseAllowListEntry, rangesOf } from "./address-allow-list";
import { formatIpAddress, parseIpAddress } from "./ip-address";

const allowed = (list: readonly string[], peer: string) => {
  const parsed = parseAllowList(list);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return isAddressAllowed(parsed.ranges, peer);
};

describe("IP addresses", () => {
  it("reads IPv4 and IPv6 in their usual forms and writes them back canonically", () => {
    expect(formatIpAddress(parseIpAddress("192.168.1.20")!)).toBe("192.168.1.20");
    expect(formatIpAddress(parseIpAddress("2001:DB8:0:0:0:0:0:1")!)).toBe("2001:db8::1");
    expect(formatIpAddress(parseIpAddress("2001:db8:0:1:0:0:0:1")!)).toBe("2001:db8:0:1::1");
    expect(formatIpAddress(parseIpAddress("2001:db8:0:1:1:1:1:1")!)).toBe("2001:db8:0:1:1:1:1:1");
    expect(formatIpAddress(parseIpAddress("::")!)).toBe("::");
    expect(formatIpAddress(parseIpAddress("::1")!)).toBe("::1");
    expect(formatIpAddress(parseIpAddress("fe80::")!)).toBe("fe80::");
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 address it carries, in either notation", () => {
    expect(parseIpAddress("::ffff:10.1.2.3")).toEqual(parseIpAddress("10.1.2.3"));
    expect(parseIpAddress("::FFFF:0a01:0203")).toEqual(parseIpAddress("10.1.2.3"));
    // IPv4-compatible (deprecated) and NAT64 addresses are IPv6 addresses, not IPv4.
    expect(parseIpAddress("::10.1.2.3")?.family).toBe(6);
    expect(parseIpAddress("64:ff9b::10.1.2.3")?.family).toBe(6);
  });

  it("refuses ambiguous or malformed forms", () => {
    for (const text of ["010.1.2.3", "10.1.2", "10.1.2.3.4", "256.1.1.1", "10.1.2.-1", " 10.1.2.3", "0x0a.1.2.3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "fe80::1%eth0", "1.2.3.4::", "::1.2.3.4:5", "::g", "", "host.example.org"]) {
      expect(parseIpAddress(text), text).toBeNull();
    }
  });
});

describe("a sender's address allow-list", () => {
  it("keeps single addresses and ranges in canonical form, without duplicates", () => {
    // The whole mapped block is every IPv4 address; a range wider than it is an IPv6 range.
    expect(parseAllowListEntry("::ffff:0:0/96")).toMatchObject({ ok: true, canonical: "0.0.0.0/0" });
    expect(parseAllowListEntry("::ffff:0:0/80")).toMatchObject({ ok: false, problem: { code: "HOST_BITS", range: "::/80" } });
    expect(parseAllowList([" 10.0.0.0/8 ", "192.168.1.20/32", "192.168.1.20", "2001:DB8::/32", "", "::ffff:172.16.0.0/108"])).toEqual({
      ok: true,
      ranges: expect.any(Array),
      canonical: ["10.0.0.0/8", "192.168.1.20", "2001:db8::/32", "172.16.0.0/12"],
    });
  });

  it("says what is wrong with each refused entry", () => {
    const parsed = parseAllowList(["10.1.2.3/8", "10.0.0.0/33", "pacs.hopital.fr", "10.0.0.0/8/8", "::/129", "10.0.0.0/08", "::ffff:10.0.0.0/129", "2001:db8::1/64"]);
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { entry: "10.1.2.3/8", problem: { code: "HOST_BITS", range: "10.0.0.0/8" } },
        { entry: "10.0.0.0/33", problem: { code: "PREFIX_RANGE", max: 32 } },
        { entry: "pacs.hopital.fr", problem: { code: "NOT_AN_ADDRESS" } },
        { entry: "10.0.0.0/8/8", problem: { code: "SLASHES" } },
        { entry: "::/129", problem: { code: "PREFIX_RANGE", max: 128 } },
        { entry: "10.0.0.0/08", problem: { code: "PREFIX_RANGE", max: 32 } },
        { entry: "::ffff:10.0.0.0/129", problem: { code: "PREFIX_RANGE", max: 128 } },
        { entry: "2001:db8::1/64", problem: { code: "HOST_BITS", range: "2001:db8::/64" } },
      ],
    });
    expect(parseAllowList(Array.from({ length: MAX_ALLOW_LIST_ENTRIES + 1 }, (_, i) => `10.0.0.${i}`))).toEqual({
      ok: false,
      errors: [{ entry: "", problem: { code: "TOO_MANY_ENTRIES", max: MAX_ALLOW_LIST_ENTRIES } }],
    });
    expect(parseAllowListEntry("a".repeat(60))).toEqual({ ok: false, entry: "a".repeat(60), problem: { code: "TOO_LONG" } });
  });

  it("admits an address inside a range and refuses one outside, per family", () => {
    expect(allowed(["10.0.0.0/8"], "10.200.3.4")).toBe(true);
    expect(allowed(["10.0.0.0/8"], "11.0.0.1")).toBe(false);
    expect(allowed(["10.0.0.0/8"], "127.0.0.1")).toBe(false);
    expect(allowed(["192.168.1.20"], "192.168.1.20")).toBe(true);
    expect(allowed(["192.168.1.20"], "192.168.1.21")).toBe(false);
    expect(allowed(["172.16.0.0/12"], "172.31.255.255")).toBe(true);
    expect(allowed(["172.16.0.0/12"], "172.32.0.0")).toBe(false);
    expect(allowed(["2001:db8::/32"], "2001:db8:ffff::1")).toBe(true);
    expect(allowed(["2001:db8::/32"], "2001:db9::1")).toBe(false);
    expect(allowed(["::1"], "::1")).toBe(true);
    // An IPv6 rule never admits IPv4 peers, and the other way round.
    expect(allowed(["::/0"], "10.0.0.1")).toBe(false);
    expect(allowed(["0.0.0.0/0"], "2001:db8::1")).toBe(false);
  });

  it("treats an IPv4 peer seen through a dual-stack socket like the IPv4 address", () => {
    expect(allowed(["127.0.0.1"], "::ffff:127.0.0.1")).toBe(true);
    expect(allowed(["10.0.0.0/8"], "::ffff:127.0.0.1")).toBe(false);
    expect(allowed(["::ffff:10.0.0.0/104"], "10.9.9.9")).toBe(true);
  });

  it("admits nobody with an empty list, and refuses peers it cannot read", () => {
    expect(allowed([], "127.0.0.1")).toBe(false);
    expect(allowed(["0.0.0.0/0"], "unknown")).toBe(false);
    expect(allowed(["fe80::/10"], "fe80::1%eth0")).toBe(true);
  });

  it("writes 'from anywhere' out, and recognises it", () => {
    expect(allowed([...ANY_ADDRESS], "203.0.113.9")).toBe(true);
    expect(allowed([...ANY_ADDRESS], "2001:db8::9")).toBe(true);
    expect(admitsAnyAddress([...ANY_ADDRESS])).toBe(true);
    expect(admitsAnyAddress(["10.0.0.0/8"])).toBe(false);
    expect(rangesOf(["10.0.0.0/8", "garbage"])).toHaveLength(1);
  });
});
