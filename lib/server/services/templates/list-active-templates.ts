import "server-only";
import type { Db, Tx } from "../../db/client";
import type { Modality } from "@/lib/domain/enums";
import type { TemplateSummary } from "../reports/report-dto";

export interface ActiveTemplate extends TemplateSummary {
  /** The modality it is suggested for (null: any). */
  modality: Modality | null;
}

/**
 * The templates a radiologist may choose for a purpose: the latest version of each active
 * code. Older versions are never offered (they only stay for the reports signed with them),
 * and the latest decides the purpose, so a code moved to the other purpose disappears here.
 */
export async function listActiveTemplates(db: Db | Tx, purpose: "REPORT" | "OPINION"): Promise<ActiveTemplate[]> {
  const rows = await db.reportTemplate.findMany({
    where: { active: true },
    select: { id: true, code: true, version: true, title: true, purpose: true, modality: true },
    orderBy: [{ code: "asc" }, { version: "desc" }],
  });
  // Ordered newest first within a code: the first row of each code is its latest version.
  const latest = rows.filter((row, i) => i === 0 || rows[i - 1]!.code !== row.code);
  return latest.filter((row) => row.purpose === purpose).sort((a, b) => a.title.localeCompare(b.title, "fr"));
}
