import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access";
import type { CsvTable } from "@/lib/domain/csv";
import type { Role } from "@/lib/domain/enums";
import type { Locale } from "@/lib/i18n/types";
import type { Db } from "../../db/client";

/**
 * A table a user may download as CSV (GET /api/exports/<name>): the same use case that feeds
 * the screen builds it. Every export is audited; `perRadiologist` says when it names
 * radiologists' own figures (issue 7: those exports must be traceable).
 */
export interface ExportTable<Input = unknown> {
  roles: readonly Role[];
  input: z.ZodType<Input>;
  perRadiologist: (input: Input) => boolean;
  build: (args: { db: Db; actor: Actor; input: Input; now: Date; locale: Locale }) => Promise<CsvTable>;
}

/** Keeps the input type of each entry while the registry holds them side by side. */
export function exportTable<Input>(table: ExportTable<Input>): ExportTable<unknown> {
  return table as ExportTable<unknown>;
}
