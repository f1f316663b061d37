import "server-only";
import type { Actor } from "@/lib/domain/access";
import { toCsv } from "@/lib/domain/csv";
import { AppError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/i18n/types";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { EXPORT_TABLES } from "./export-tables";

/** Builds one table as CSV for the actor, and audits the export (who, which table, which filter). */
export async function exportCsv(args: { db: Db; actor: Actor; table: string; rawInput: unknown; now: Date; locale: Locale }): Promise<{ fileName: string; csv: string }> {
  const { db, actor, table: name, now, locale } = args;
  const table = Object.hasOwn(EXPORT_TABLES, name) ? EXPORT_TABLES[name] : undefined;
  if (!table) throw new AppError("NOT_FOUND", `No exportable table named ${name}`);
  if (!table.roles.includes(actor.role)) throw new AppError("FORBIDDEN", "This table is not yours to export");
  const parsed = table.input.safeParse(args.rawInput);
  if (!parsed.success) throw new AppError("BAD_INPUT", `Invalid export input: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  const csv = toCsv(await table.build({ db, actor, input: parsed.data, now, locale }), locale);
  await writeAudit(db, {
    actorId: actor.id,
    action: "DASHBOARD_EXPORTED",
    entityType: "Dashboard",
    entityId: name,
    detail: { table: name, perRadiologist: table.perRadiologist(parsed.data), input: JSON.parse(JSON.stringify(parsed.data)) as object },
  });
  return { fileName: `${name}-${now.toISOString().slice(0, 10)}.csv`, csv };
}
