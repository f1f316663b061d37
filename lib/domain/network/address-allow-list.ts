import { ADDRESS_BITS, formatIpAddress, type IpAddress, parseIpAddress, parseIpv6 } from "./ip-address";

// The addresses a registered DICOM sender may connect from, besides its AE title or token: a
// calling AE title is a name anyone on the network can type, an address is where the hospital's
// firewall and switches say a packet came from. Entries are single addresses or CIDR ranges,
// IPv4 or IPv6. An empty list admits nobody: "from anywhere" must be written (0.0.0.0/0 and
// ::/0), so that it shows in /admin as the choice it is.

export interface AddressRange {
  family: 4 | 6;
  /** The network address (host bits zero). */
  network: bigint;
  prefix: number;
}

/** Why an entry is refused, as a code the UI translates (with what the message needs). */
export type AllowListProblem =
  | { code: "EMPTY" }
  | { code: "TOO_LONG" }
  | { code: "SLASHES" }
  | { code: "NOT_AN_ADDRESS" }
  | { code: "PREFIX_RANGE"; max: number }
  | { code: "HOST_BITS"; range: string }
  | { code: "TOO_MANY_ENTRIES"; max: number };

export type AllowListEntryResult = { ok: true; range: AddressRange; canonical: string } | { ok: false; entry: string; problem: AllowListProblem };

export const MAX_ALLOW_LIST_ENTRIES = 32;
/** The longest text an entry can be: a full IPv6 address with an IPv4 tail and "/128". */
export const MAX_ALLOW_LIST_ENTRY_LENGTH = 49;

export function parseAllowListEntry(text: string): AllowListEntryResult {
  const entry = text.trim();
  const fail = (problem: AllowListProblem): AllowListEntryResult => ({ ok: false, entry, problem });
  if (entry === "") return fail({ code: "EMPTY" });
  if (entry.length > MAX_ALLOW_LIST_ENTRY_LENGTH) return fail({ code: "TOO_LONG" });
  const [addressText = "", prefixText, extra] = entry.split("/");
  if (extra !== undefined) return fail({ code: "SLASHES" });
  // Host names are refused too: resolving one at each association would make DNS the perimeter.
  const address = parseIpAddress(addressText);
  if (!address) return fail({ code: "NOT_AN_ADDRESS" });
  // A prefix written on an IPv4-mapped IPv6 address counts in IPv6 bits: ::ffff:10.0.0.0/104 is 10.0.0.0/8.
  const mapped = address.family === 4 && addressText.includes(":");
  const bits: number = mapped ? 128 : ADDRESS_BITS[address.family];
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) return fail({ code: "PREFIX_RANGE", max: bits });
    prefix = Number(prefixText);
  }
  if (mapped) {
    // Below /96 the range reaches beyond the mapped block: it is an IPv6 range, kept as such.
    if (prefix < 96) return rangeResult({ family: 6, value: parseIpv6(addressText) ?? 0n }, prefix, fail);
    prefix -= 96;
  }
  return rangeResult(address, prefix, fail);
}

function rangeResult(address: IpAddress, prefix: number, fail: (problem: AllowListProblem) => AllowListEntryResult): AllowListEntryResult {
  const network = maskTo(address.family, address.value, prefix);
  const range: AddressRange = { family: address.family, network, prefix };
  if (network !== address.value) {
    // "10.1.2.3/8" is most likely a typing mistake: say which range it would have meant.
    return fail({ code: "HOST_BITS", range: formatRange(range) });
  }
  return { ok: true, range, canonical: formatRange(range) };
}

function maskTo(family: 4 | 6, value: bigint, prefix: number): bigint {
  const bits = BigInt(ADDRESS_BITS[family]);
  const hostBits = bits - BigInt(prefix);
  return (value >> hostBits) << hostBits;
}

/** Canonical text: a single address without its prefix, a range as network/prefix. */
export function formatRange(range: AddressRange): string {
  const address = formatIpAddress({ family: range.family, value: range.network });
  return range.prefix === ADDRESS_BITS[range.family] ? address : `${address}/${range.prefix}`;
}

export type AllowListResult = { ok: true; ranges: AddressRange[]; canonical: string[] } | { ok: false; errors: { entry: string; problem: AllowListProblem }[] };

/** A whole list as typed: every entry checked, duplicates (after canonical form) dropped, order kept. */
export function parseAllowList(entries: readonly string[]): AllowListResult {
  const nonEmpty = entries.map((entry) => entry.trim()).filter((entry) => entry !== "");
  if (nonEmpty.length > MAX_ALLOW_LIST_ENTRIES) {
    return { ok: false, errors: [{ entry: "", problem: { code: "TOO_MANY_ENTRIES", max: MAX_ALLOW_LIST_ENTRIES } }] };
  }
  const ranges: AddressRange[] = [];
  const canonical: string[] = [];
  const errors: { entry: string; problem: AllowListProblem }[] = [];
  for (const entry of nonEmpty) {
    const result = parseAllowListEntry(entry);
    if (!result.ok) errors.push({ entry: result.entry, problem: result.problem });
    else if (!canonical.includes(result.canonical)) {
      ranges.push(result.range);
      canonical.push(result.canonical);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ranges, canonical };
}

/**
 * Ranges of a list as stored (canonical entries written through parseAllowList). An entry that
 * no longer parses admits nobody rather than failing the whole list.
 */
export function rangesOf(stored: readonly string[]): AddressRange[] {
  return stored.flatMap((entry) => {
    const result = parseAllowListEntry(entry);
    return result.ok ? [result.range] : [];
  });
}

/** Whether a peer's address (as the socket reports it) is in one of the ranges. Unparseable = no. */
export function isAddressAllowed(ranges: readonly AddressRange[], peerAddress: string): boolean {
  // A link-local peer may come with its interface (fe80::1%eth0): the address is what is listed.
  const zone = peerAddress.indexOf("%");
  const peer = parseIpAddress(zone === -1 ? peerAddress : peerAddress.slice(0, zone));
  if (!peer) return false;
  return ranges.some((range) => range.family === peer.family && maskTo(peer.family, peer.value, range.prefix) === range.network);
}

/** Whether the list admits every address of a family (0.0.0.0/0 or ::/0): shown as a warning in /admin. */
export function admitsAnyAddress(stored: readonly string[]): boolean {
  return rangesOf(stored).some((range) => range.prefix === 0);
}

/** What the migration gives senders registered before the lists existed: today's behaviour, written out. */
export const ANY_ADDRESS = ["0.0.0.0/0", "::/0"] as const;

/** The machine itself: senders of the demo and of the tests, which run beside the server. */
export const LOOPBACK_NETWORKS = ["127.0.0.0/8", "::1"] as const;
