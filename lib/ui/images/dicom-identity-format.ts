import { formatDicomDa } from "@/lib/domain/calendar-date";
import type { Locale } from "@/lib/i18n/types";

// How the request page writes the identity a study was received with. The value is shown as
// received (never corrected towards the request's): a wrong name must be seen to be wrong.

/** PN "Family^Given^Middle^Prefix^Suffix=Ideographic=Phonetic" → "Family Given Middle (Ideographic)". */
export function formatPersonName(pn: string): string {
  const [alphabetic = "", ideographic = ""] = pn.split("=");
  const words = (group: string) => group.split("^").map((part) => part.trim()).filter((part) => part !== "").join(" ");
  const main = words(alphabetic);
  const other = words(ideographic);
  if (main === "") return other;
  return other === "" ? main : `${main} (${other})`;
}

/** DA "YYYYMMDD" → "DD/MM/YYYY", as every date of the interface (lib/domain/calendar-date.ts); anything else as is. */
export function formatDicomDate(da: string | null, locale: Locale): string {
  return formatDicomDa(da, locale) ?? "";
}
