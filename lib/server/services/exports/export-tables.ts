import "server-only";
import { dashboardExportTables } from "../dashboard/dashboard-csv";
import { boardExportTables } from "../operations/board-csv";
import type { ExportTable } from "./export-table";

// Every table the product exports as CSV, by the name in the URL.
export const EXPORT_TABLES: Record<string, ExportTable> = {
  ...dashboardExportTables,
  ...boardExportTables,
};
