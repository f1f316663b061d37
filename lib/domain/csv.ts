import type { Locale } from "@/lib/i18n/types";
import { instantToLocalDateTime } from "./rota/wall-clock";

// CSV as the reader's spreadsheet opens it: French Excel expects ";" between fields and a
// decimal comma, English ",", and both need the UTF-8 byte order mark to show accents.

export type CsvCell = string | number | null;

export interface CsvTable {
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

const SEPARATOR: Record<Locale, string> = { fr: ";", en: "," };

export function toCsv(table: CsvTable, locale: Locale): string {
  const separator = SEPARATOR[locale];
  const line = (cells: readonly CsvCell[]) => cells.map((cell) => quote(format(cell, locale), separator)).join(separator);
  return `\uFEFF${[line(table.columns), ...table.rows.map(line)].join("\r\n")}\r\n`;
}

function format(cell: CsvCell, locale: Locale): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    const text = Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 100) / 100);
    return locale === "fr" ? text.replace(".", ",") : text;
  }
  return cell;
}

/** Quotes a field holding the separator, a quote or a line break; neutralises spreadsheet formulas. */
function quote(text: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Seconds as minutes with two decimals (spreadsheets sum and average them). */
export function csvMinutes(seconds: number | null): CsvCell {
  return seconds === null ? null : Math.round((seconds / 60) * 100) / 100;
}

/** An instant as the territory's wall clock shows it, "YYYY-MM-DD HH:mm" (what the screens show). */
export function csvLocalTime(at: Date | string | null): CsvCell {
  return at === null ? null : instantToLocalDateTime(typeof at === "string" ? new Date(at) : at).replace("T", " ");
}
