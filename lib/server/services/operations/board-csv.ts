import "server-only";
import { z } from "zod";
import { csvLocalTime, csvMinutes, type CsvCell, type CsvTable } from "@/lib/domain/csv";
import { AGE_BUCKETS } from "@/lib/domain/operations/age-buckets";
import type { OperationsBoard } from "@/lib/domain/operations/board-view";
import { PRIORITIES } from "@/lib/domain/enums";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import type { Db } from "../../db/client";
import type { Actor } from "@/lib/domain/access";
import { exportTable, type ExportTable } from "../exports/export-table";
import { requestCells, requestColumns } from "../exports/request-cells";
import { assertOperationsBoardAccess } from "./get-operations-board";
import { loadOperationsBoard } from "./load-operations-board";

// The live board's tables as CSV, from the same computation as the screen at the instant of
// the download. Lists are whole (not the screen's first 100), up to a bound. The export is
// audited by exportCsv (DASHBOARD_EXPORTED), so no separate board-read audit here.

/** Rows per exported list; a backlog larger than this is a crisis the file cannot fix. */
const EXPORT_LIST_LIMIT = 20_000;

const noInput = z.object({}).strict();

const minutes = (ms: number): CsvCell => csvMinutes(ms / 1000);
const iso = (at: Date | null): CsvCell => csvLocalTime(at);

async function boardFor(args: { db: Db; actor: Actor; now: Date }): Promise<OperationsBoard> {
  assertOperationsBoardAccess(args.actor);
  return loadOperationsBoard({ db: args.db, now: args.now, listLimit: EXPORT_LIST_LIMIT });
}

/** A table of the board, for the head: the whole board (lists not cut at 100) turned into rows. */
function boardTable(perRadiologist: boolean, rows: (board: OperationsBoard, t: Translate) => CsvTable): ExportTable {
  return exportTable({
    roles: ["DEPARTMENT_HEAD"],
    input: noInput,
    perRadiologist: () => perRadiologist,
    build: async ({ db, actor, now, locale }) => rows(await boardFor({ db, actor, now }), createTranslator(locale)),
  });
}

const open = boardTable(false, ({ backlog }, t): CsvTable => {
  return {
    columns: [t("exports.status"), ...AGE_BUCKETS.map((bucket) => t(`operations.age.${bucket}`)), t("operations.csv.total"), ...PRIORITIES.map((priority) => t(`priority.${priority}`))],
    rows: [
      ...backlog.rows.map((row) => [t(`status.${row.status}`), ...AGE_BUCKETS.map((bucket) => row.byAge[bucket]), row.total, ...PRIORITIES.map((priority) => row.byPriority[priority])]),
      [t("operations.csv.total"), ...AGE_BUCKETS.map((bucket) => backlog.byAge[bucket]), backlog.total, ...PRIORITIES.map((priority) => backlog.byPriority[priority])],
    ],
  };
});

const atRisk = boardTable(true, (board, t): CsvTable => {
  return {
    columns: [
      ...requestColumns(t),
      t("operations.csv.deadline"),
      t("operations.csv.remainingMin"),
      t("exports.targetMin"),
      t("operations.csv.holder"),
      t("operations.csv.escalationLevel"),
    ],
    rows: board.atRisk.rows.map((row) => [
      ...requestCells(t, row),
      iso(row.deadline),
      minutes(row.remainingMs),
      minutes(row.targetS * 1000),
      row.holder?.name ?? null,
      row.escalationLevel,
    ]),
  };
});

// It names radiologists and their current load: per-radiologist figures (issue 7).
const onCall = boardTable(true, (board, t): CsvTable => {
  const yes = t("exports.yes");
  return {
    columns: [t("exports.radiologist"), t("operations.csv.onCall"), t("operations.csv.shifts"), t("operations.csv.sites"), t("operations.csv.until"), t("operations.csv.held"), t("operations.csv.inReading")],
    rows: [
      ...board.onCall.map((row) => [
        row.radiologist.name,
        yes,
        row.shifts.map((shift) => t(`rota.role.${shift.role}`)).join(" + "),
        [...new Set(row.shifts.flatMap((shift) => shift.siteCodes))].join(" "),
        iso(new Date(Math.max(...row.shifts.map((shift) => shift.endsAt.getTime())))),
        row.held,
        row.inReading,
      ]),
      ...board.offCallHolders.map((row) => [row.radiologist.name, t("exports.no"), null, null, null, row.held, row.inReading]),
    ],
  };
});

const escalations = boardTable(true, (board, t): CsvTable => {
  return {
    columns: [
      t("operations.csv.kind"),
      t("exports.accession"),
      t("exports.site"),
      t("exports.priority"),
      t("operations.csv.detail"),
      t("operations.csv.escalationLevel"),
      t("operations.csv.escalatedAt"),
      t("operations.csv.holder"),
      t("operations.csv.holderAcknowledged"),
      t("operations.csv.flaggedBy"),
    ],
    rows: [
      ...board.escalatedRequests.rows.map((row) => [
        t("operations.csv.request"),
        row.accessionNumber,
        row.siteCode,
        t(`priority.${row.priority}`),
        t(`status.${row.status}`),
        row.escalationLevel,
        iso(row.escalatedAt),
        row.holder?.name ?? t("operations.csv.nobody"),
        yesNo(t, row.holderAcknowledged),
        null,
      ]),
      ...board.escalatedFindings.rows.map((row) => [
        t("operations.csv.finding"),
        row.accessionNumber,
        row.siteCode,
        t(`priority.${row.priority}`),
        t(`critical.categories.${row.category}`),
        null,
        iso(row.escalatedAt),
        null,
        yesNo(t, false),
        row.flaggedBy,
      ]),
    ],
  };
});

function yesNo(t: Translate, value: boolean): string {
  return value ? t("exports.yes") : t("exports.no");
}

/** To spread into EXPORT_TABLES (lib/server/services/exports/export-tables.ts). */
export const boardExportTables: Record<string, ExportTable> = {
  "operations-open": open,
  "operations-at-risk": atRisk,
  "operations-on-call": onCall,
  "operations-escalations": escalations,
};
