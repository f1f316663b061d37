import type { z } from "zod";
import { editableTemplateDefinitionSchema } from "@/lib/domain/reports/template-admin-schemas";
import type { TemplateDefinition } from "@/lib/domain/reports/template-definition";
import type { MessageKey } from "@/lib/i18n/types";

// The editor's "Valider": the very schema the server applies, run in the browser on the JSON
// text or the form's model, so that an administrator sees every error with where it is before saving.

export type IssuePath = (string | number)[];

export interface DefinitionIssue {
  path: IssuePath;
  key: MessageKey;
  params?: Record<string, string>;
}

export type DefinitionCheck =
  | { ok: true; definition: TemplateDefinition; raw: unknown }
  | { ok: false; issues: DefinitionIssue[]; raw: unknown };

export function checkDefinitionText(text: string): DefinitionCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, raw: undefined, issues: [{ path: [], key: "templates.editor.jsonSyntax", params: { message: error instanceof Error ? error.message : String(error) } }] };
  }
  return checkDefinition(raw);
}

/** The same check on a definition already read (the form editor's model). */
export function checkDefinition(raw: unknown): DefinitionCheck {
  const result = editableTemplateDefinitionSchema.safeParse(raw);
  if (result.success) return { ok: true, definition: result.data, raw };
  return { ok: false, raw, issues: result.error.issues.map(toIssue) };
}

/** The issue exactly at `path`, for the input that edits it. */
export function issueAt(issues: readonly DefinitionIssue[], path: IssuePath): DefinitionIssue | undefined {
  const dotted = path.join(".");
  return issues.find((issue) => issue.path.join(".") === dotted);
}

function toIssue(issue: z.core.$ZodIssue): DefinitionIssue {
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  if (isCatalogueKey(issue.message)) return { path, key: issue.message };
  if (issue.code === "unrecognized_keys") return { path, key: "templates.editor.unknownKeys", params: { keys: issue.keys.join(", ") } };
  if (issue.code === "invalid_type") return { path, key: "templates.editor.wrongType", params: { expected: issue.expected } };
  return { path, key: "validation.invalid" };
}

/** The schema's own messages are catalogue keys; zod's built-in ones are English sentences. */
function isCatalogueKey(message: string): message is MessageKey {
  return /^([a-z]+\.)?validation\.[A-Za-z]+$/.test(message);
}

/** A server field error's dotted path ("definition.sections.0.fields.2.id") as the editor's path. */
export function definitionPathOf(dotted: string): IssuePath | null {
  const [head, ...rest] = dotted.split(".");
  if (head !== "definition") return null;
  return rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
