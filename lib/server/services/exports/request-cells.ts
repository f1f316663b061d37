import "server-only";
import { csvLocalTime, type CsvCell } from "@/lib/domain/csv";
import type { Modality, Priority, RequestStatus, RequestType } from "@/lib/domain/enums";
import type { Translate } from "@/lib/i18n/translate";

// How every exported list names a request: the same first columns, in the reader's language.

export interface ExportedRequest {
  accessionNumber: string;
  siteCode: string;
  priority: Priority;
  type: RequestType;
  modality: Modality;
  status: RequestStatus;
  submittedAt: Date | string;
}

export function requestColumns(t: Translate): string[] {
  return [t("exports.accession"), t("exports.site"), t("exports.priority"), t("exports.type"), t("exports.modality"), t("exports.status"), t("exports.submittedAt")];
}

export function requestCells(t: Translate, row: ExportedRequest): CsvCell[] {
  return [row.accessionNumber, row.siteCode, t(`priority.${row.priority}`), t(`requestType.${row.type}`), row.modality, t(`status.${row.status}`), csvLocalTime(row.submittedAt)];
}
