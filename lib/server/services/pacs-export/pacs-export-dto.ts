import "server-only";

/** An export's state as people see it: where, which format, how it went. No patient identity. */
export interface PacsExportDto {
  id: string;
  sequence: number;
  destinationLabel: string;
  aeTitle: string;
  format: "ENCAPSULATED_PDF" | "BASIC_TEXT_SR";
  state: "QUEUED" | "SENDING" | "STORED" | "FAILED";
  attempts: number;
  dimseStatus: string | null;
  errorText: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PACS_EXPORT_SELECT = {
  id: true,
  format: true,
  state: true,
  attempts: true,
  dimseStatus: true,
  errorText: true,
  createdAt: true,
  updatedAt: true,
  reportVersion: { select: { sequence: true } },
  destination: { select: { label: true, aeTitle: true } },
} as const;

export function toPacsExportDto(row: {
  id: string;
  format: PacsExportDto["format"];
  state: PacsExportDto["state"];
  attempts: number;
  dimseStatus: string | null;
  errorText: string | null;
  createdAt: Date;
  updatedAt: Date;
  reportVersion: { sequence: number };
  destination: { label: string; aeTitle: string };
}): PacsExportDto {
  const { reportVersion, destination, ...rest } = row;
  return { ...rest, sequence: reportVersion.sequence, destinationLabel: destination.label, aeTitle: destination.aeTitle };
}
