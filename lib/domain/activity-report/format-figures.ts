// How the activity report writes its figures, in French: durations as a head reads them
// ("23 min", "1 h 05", "2 j 3 h"), shares with one decimal ("87,5 %"), counts grouped by
// thousands. Durations are floored, like the dashboard's percentiles (the figure never
// claims a request was faster than it was). Plain spaces only: the PDF's standard fonts
// have no narrow no-break space, and the output must not depend on the runtime's ICU.

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** Nothing to show (no request in the segment, no target judged). */
export const NO_FIGURE = "—";

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NO_FIGURE;
  const s = Math.max(0, Math.floor(seconds));
  if (s < MINUTE) return `${s} s`;
  if (s < HOUR) return `${Math.floor(s / MINUTE)} min`;
  if (s < DAY) return `${Math.floor(s / HOUR)} h ${String(Math.floor((s % HOUR) / MINUTE)).padStart(2, "0")}`;
  const hours = Math.floor((s % DAY) / HOUR);
  return hours === 0 ? `${Math.floor(s / DAY)} j` : `${Math.floor(s / DAY)} j ${hours} h`;
}

/** A share in [0, 1] as "87,5 %". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return NO_FIGURE;
  return `${(Math.round(share * 1000) / 10).toFixed(1).replace(".", ",")} %`;
}

/** 12345 -> "12 345". */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** A part of a whole as a share, "—" when the whole is empty. */
export function formatPartOf(part: number, whole: number): string {
  return whole === 0 ? NO_FIGURE : formatShare(part / whole);
}
