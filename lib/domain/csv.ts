import type { Locale } from "@/lib/i18n/types";

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
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
