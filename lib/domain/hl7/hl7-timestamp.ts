// HL7 v2 dates and times (DT, TS/DTM: YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]). A time without an
// offset is the sender's local time: for the French sites this product serves, Europe/Paris.

const TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

/** The calendar date (YYYY-MM-DD) a DT/TS names, or null when it is not a full, real date. */
export function hl7Date(text: string): string | null {
  const match = TS.exec(text.trim());
  if (!match?.[2] || !match[3]) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

/** The instant a TS names (to the minute at least), or null. No offset = Europe/Paris. */
export function hl7Instant(text: string, timeZone = "Europe/Paris"): Date | null {
  const match = TS.exec(text.trim());
  if (!match?.[2] || !match[3] || !match[4] || !match[5]) return null;
  const [year, month, day, hour, minute] = [match[1], match[2], match[3], match[4], match[5]].map(Number) as [number, number, number, number, number];
  const second = Number(match[6] ?? "0");
  const millis = match[7] ? Math.round(Number(`0.${match[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(asUtc).getUTCDate() !== day) return null;
  if (match[8]) {
    const sign = match[8].startsWith("-") ? -1 : 1;
    const offsetMinutes = sign * (Number(match[8].slice(1, 3)) * 60 + Number(match[8].slice(3, 5)));
    return new Date(asUtc - offsetMinutes * 60_000);
  }
  // The zone's offset at that wall-clock time (read twice to land right around a DST change).
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  return new Date(asUtc - zoneOffsetMs(first, timeZone));
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** A TS for outgoing messages with its offset: local Paris time (ACKs), or UTC when asked ("UTC": the ORU^R01, unambiguous wherever the RIS runs). */
export function formatHl7Instant(at: Date, timeZone = "Europe/Paris"): string {
  const offset = Math.round(zoneOffsetMs(at.getTime(), timeZone) / 60_000);
  const local = new Date(at.getTime() + offset * 60_000);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** HL7 DT (YYYYMMDD) of a calendar date stored at UTC midnight. */
export function formatHl7Date(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}
