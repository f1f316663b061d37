// Range matching for DA and TM (PS3.4 C.2.2.2.5). Pure. Bounds are returned normalized so
// that they compare as text (COLLATE "C") with a stored value normalized the same way.

export type Range = { from: string | null; to: string | null };

const DATE = /^\d{8}$/;

/** "20240101", "20240101-20241231", "20240101-", "-20241231" (also YYYY.MM.DD), or null when malformed. */
export function dateRange(value: string): Range | null {
  const parts = splitRange(value);
  if (!parts) return null;
  const from = parts[0] === null ? null : parts[0].replaceAll(".", "");
  const to = parts[1] === null ? null : parts[1].replaceAll(".", "");
  if ((from !== null && !validDate(from)) || (to !== null && !validDate(to))) return null;
  if (from !== null && to !== null && from > to) return null;
  return { from, to };
}

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const TIME = /^([01]\d|2[0-3])([0-5]\d)?([0-5]\d)?(\.\d{1,6})?$/;

/**
 * "HHMMSS.FFFFFF" (any shorter form, colons accepted) single value or range. A single value
 * and the upper bound cover the whole unit they name: "1030" is 10:30:00 to 10:30:59.999999.
 */
export function timeRange(value: string): Range | null {
  const parts = splitRange(value);
  if (!parts) return null;
  const [rawFrom, rawTo] = parts;
  const from = rawFrom === null ? null : normalizeTime(rawFrom, "start");
  const to = rawTo === null ? null : normalizeTime(rawTo, "end");
  if ((rawFrom !== null && from === null) || (rawTo !== null && to === null)) return null;
  if (from !== null && to !== null && from > to) return null;
  return { from, to };
}

/**
 * A queried TM as "HHMMSS.FFFFFF": a start bound fills what it leaves out with zeros, an end
 * bound with the last instant (59 s, 999999 µs); null when it is not a time. Stored values are
 * normalized in SQL as a start (qido-sql-conditions.ts).
 */
export function normalizeTime(value: string, bound: "start" | "end"): string | null {
  const match = TIME.exec(value.replaceAll(":", "").trim());
  if (!match) return null;
  const [, hours = "00", minutes, seconds, fraction] = match;
  const start = bound === "start";
  const mm = minutes ?? (start ? "00" : "59");
  const ss = seconds ?? (start ? "00" : "59");
  const ffffff = (fraction?.slice(1) ?? "").padEnd(6, start ? "0" : "9");
  return `${hours}${mm}${ss}.${ffffff}`;
}

/** A single value is the range [value, value]; "a-b", "a-", "-b" otherwise. */
function splitRange(value: string): [string | null, string | null] | null {
  const trimmed = value.trim();
  const dash = trimmed.indexOf("-");
  if (dash === -1) return trimmed === "" ? null : [trimmed, trimmed];
  if (trimmed.indexOf("-", dash + 1) !== -1) return null;
  const from = trimmed.slice(0, dash).trim();
  const to = trimmed.slice(dash + 1).trim();
  if (from === "" && to === "") return null;
  return [from === "" ? null : from, to === "" ? null : to];
}
