// Calendar dates as people type and read them, and as DICOM writes them. A birth date is a
// day, not an instant: it is never turned into a Date at midnight somewhere, which would show
// the day before in a time zone west of it. French and English (en-GB, as the rest of the
// interface) both read day/month/year; only the placeholder's letters differ.

export type DateLocale = "fr" | "en";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DATE = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/;
const EIGHT_DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
const DICOM_DA = /^(\d{4})(\d{2})(\d{2})$/;
const DICOM_TM = /^(\d{2})(\d{2})?(\d{2})?(?:\.\d{1,6})?$/;

function isoIfReal(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * What was typed in a date field, as "YYYY-MM-DD", or null when it is not a real date.
 * Accepts 02/03/1951, 2/3/1951, 02.03.1951, 02031951, and 1951-03-02 (pasted from another system).
 */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO_DATE.exec(value);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const typed = TYPED_DATE.exec(value) ?? EIGHT_DIGITS.exec(value);
  if (!typed) return null;
  return isoIfReal(Number(typed[3]), Number(typed[2]), Number(typed[1]));
}

/** "1951-03-02" → "02/03/1951". Anything else is returned unchanged (never hidden). */
export function formatCalendarDate(iso: string, _locale: DateLocale): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** DICOM DA "20250523" → "23/05/2025"; null or empty → null; anything else unchanged. */
export function formatDicomDa(da: string | null, locale: DateLocale): string | null {
  const value = da?.trim();
  if (!value) return null;
  const match = DICOM_DA.exec(value);
  if (!match) return value;
  return formatCalendarDate(`${match[1]}-${match[2]}-${match[3]}`, locale);
}

/** DICOM TM "143005.123" → "14:30:05", "1430" → "14:30"; null or empty → null; anything else unchanged. */
export function formatDicomTm(tm: string | null): string | null {
  const value = tm?.trim();
  if (!value) return null;
  const match = DICOM_TM.exec(value);
  if (!match) return value;
  return [match[1], match[2] ?? "00", match[3]].filter((part) => part !== undefined).join(":");
}
