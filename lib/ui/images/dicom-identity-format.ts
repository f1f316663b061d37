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

/** DA "YYYYMMDD" → "DD/MM/YYYY" in French, "YYYY-MM-DD" in English; anything else as is. */
export function formatDicomDate(da: string | null, locale: Locale): string {
  if (!da) return "";
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(da.trim());
  if (!match) return da;
  const [, year, month, day] = match;
  return locale === "fr" ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}
