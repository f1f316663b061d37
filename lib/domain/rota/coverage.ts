import type { ShiftRole } from "../enums";

// What the rota editor highlights: a radiologist booked twice at once (overlaps), and, per
// site, the stretches of the window that no PRIMARY shift covers (gaps). Backups do not fill
// a gap: the escalation ladder needs a primary first. Intervals are half-open [start, end).

export interface CoverageShift {
  id: string;
  radiologistId: string;
  role: ShiftRole;
  siteIds: readonly string[];
  startsAt: Date;
  endsAt: Date;
}

export interface Overlap {
  radiologistId: string;
  shiftIds: [string, string];
  from: Date;
  to: Date;
}

export interface Gap {
  siteId: string;
  from: Date;
  to: Date;
}

export interface Coverage {
  overlaps: Overlap[];
  gaps: Gap[];
}

interface Span {
  from: number;
  to: number;
}

export function analyseCoverage(args: { shifts: readonly CoverageShift[]; siteIds: readonly string[]; from: Date; to: Date }): Coverage {
  const window = { from: args.from.getTime(), to: args.to.getTime() };
  if (!(window.to > window.from)) return { overlaps: [], gaps: [] };
  const inWindow = args.shifts
    .map((shift) => ({ shift, span: clip({ from: shift.startsAt.getTime(), to: shift.endsAt.getTime() }, window) }))
    .filter((entry): entry is { shift: CoverageShift; span: Span } => entry.span !== null);
  return { overlaps: findOverlaps(inWindow), gaps: findGaps(inWindow, args.siteIds, window) };
}

function clip(span: Span, window: Span): Span | null {
  const from = Math.max(span.from, window.from);
  const to = Math.min(span.to, window.to);
  return to > from ? { from, to } : null;
}

function findOverlaps(entries: readonly { shift: CoverageShift; span: Span }[]): Overlap[] {
  const byRadiologist = new Map<string, { shift: CoverageShift; span: Span }[]>();
  for (const entry of entries) {
    const list = byRadiologist.get(entry.shift.radiologistId) ?? [];
    list.push(entry);
    byRadiologist.set(entry.shift.radiologistId, list);
  }
  const overlaps: Overlap[] = [];
  for (const [radiologistId, list] of byRadiologist) {
    list.sort((a, b) => a.span.from - b.span.from || a.span.to - b.span.to);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      // Sorted by start: once a later shift starts at or after a's end, none after it overlaps a.
      for (let j = i + 1; j < list.length && list[j]!.span.from < a.span.to; j++) {
        const b = list[j]!;
        overlaps.push({
          radiologistId,
          shiftIds: [a.shift.id, b.shift.id],
          from: new Date(b.span.from),
          to: new Date(Math.min(a.span.to, b.span.to)),
        });
      }
    }
  }
  return overlaps.sort((x, y) => x.from.getTime() - y.from.getTime() || x.to.getTime() - y.to.getTime() || x.radiologistId.localeCompare(y.radiologistId));
}

function findGaps(entries: readonly { shift: CoverageShift; span: Span }[], siteIds: readonly string[], window: Span): Gap[] {
  const gaps: Gap[] = [];
  for (const siteId of new Set(siteIds)) {
    const covered = entries
      .filter((entry) => entry.shift.role === "PRIMARY" && entry.shift.siteIds.includes(siteId))
      .map((entry) => entry.span)
      .sort((a, b) => a.from - b.from);
    let cursor = window.from;
    for (const span of covered) {
      if (span.from > cursor) gaps.push({ siteId, from: new Date(cursor), to: new Date(span.from) });
      cursor = Math.max(cursor, span.to);
    }
    if (cursor < window.to) gaps.push({ siteId, from: new Date(cursor), to: new Date(window.to) });
  }
  return gaps;
}
