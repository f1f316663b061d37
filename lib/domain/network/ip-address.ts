// IP addresses as numbers, for the senders' address allow-lists. Pure and strict: an entry an
// administrator types must mean one thing only, so forms that some parsers read differently are
// refused (leading zeros, which inet_aton reads as octal; shortened IPv4 such as "10.1"; zone
// indices, which name an interface of one machine, not an address).

export interface IpAddress {
  family: 4 | 6;
  /** 32 bits for IPv4, 128 for IPv6. */
  value: bigint;
}

export const ADDRESS_BITS = { 4: 32, 6: 128 } as const;

const IPV4_PART = /^(0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;
/** ::ffff:0:0/96 (RFC 4291 2.5.5.2): an IPv4 peer as a dual-stack socket reports it. */
const IPV4_MAPPED_PREFIX = 0xffffn << 32n;

export function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_PART.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

export function parseIpv6(text: string): bigint | null {
  if (text.length > 45 || text.includes("%")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string): bigint[] | null => {
    if (half === "") return [];
    const pieces = half.split(":");
    const groups: bigint[] = [];
    for (const [index, piece] of pieces.entries()) {
      // A dotted IPv4 tail (::ffff:10.1.2.3) counts as the last two groups.
      if (index === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        groups.push(v4 >> 16n, v4 & 0xffffn);
      } else {
        if (!IPV6_GROUP.test(piece)) return null;
        groups.push(BigInt(parseInt(piece, 16)));
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0] ?? "");
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if (head === null || tail === null) return null;
  // A dotted tail is only allowed at the very end of the address.
  if (halves.length === 2 && (halves[0] ?? "").includes(".")) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/**
 * An address as typed or as a socket reports it. An IPv4-mapped IPv6 address (::ffff:a.b.c.d,
 * how a listener bound to "::" sees IPv4 peers) is the IPv4 address it carries, so one rule
 * "10.0.0.0/8" holds whichever way the listener was bound.
 */
export function parseIpAddress(text: string): IpAddress | null {
  if (text.includes(":")) {
    const value = parseIpv6(text);
    if (value === null) return null;
    if (value >> 32n === IPV4_MAPPED_PREFIX >> 32n) return { family: 4, value: value & 0xffffffffn };
    return { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === null ? null : { family: 4, value };
}

/** Canonical text: dotted IPv4; IPv6 in RFC 5952 form (lower case, the longest zero run as "::"). */
export function formatIpAddress(address: IpAddress): string {
  if (address.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join(".");
  }
  const groups = Array.from({ length: 8 }, (_, index) => Number((address.value >> BigInt((7 - index) * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8; ) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = (list: number[]) => list.map((group) => group.toString(16)).join(":");
  // RFC 5952 4.2.2: a single zero group is not shortened.
  if (bestLength < 2) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}
