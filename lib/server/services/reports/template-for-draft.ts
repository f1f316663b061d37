import "server-only";
import type { Modality, ReportVersionKind, RequestType } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { effectiveDefinition } from "@/lib/domain/reports/effective-definition";
import { templateDefinitionSchema, type TemplateDefinition } from "@/lib/domain/reports/template-definition";
import type { Db, Tx } from "../../db/client";
import { listActiveTemplates } from "../templates/list-active-templates";

export interface DraftTemplate {
  id: string;
  code: string;
  version: number;
  title: string;
  purpose: "REPORT" | "OPINION";
  definition: TemplateDefinition;
}

/** The purpose a request's report answers: a télédiagnostic's report, a téléexpertise's opinion. */
export function purposeOf(type: RequestType): "REPORT" | "OPINION" {
  return type === "TELEEXPERTISE" ? "OPINION" : "REPORT";
}

/** A template version with its definition as the radiologist fills it for this request. */
export async function loadDraftTemplate(
  tx: Tx | Db,
  templateId: string,
  context: { requestType: RequestType; modality: Modality; kind: ReportVersionKind; contrastInjection: boolean | null },
): Promise<DraftTemplate> {
  const template = await tx.reportTemplate.findUnique({ where: { id: templateId } });
  if (!template || template.purpose !== purposeOf(context.requestType)) throw new AppError("NOT_FOUND", "Template not found");
  // Stored definitions were validated when saved; parsing again keeps a hand-edited row from
  // reaching the editor half-valid.
  const definition = effectiveDefinition(templateDefinitionSchema.parse(template.definition), context);
  return { id: template.id, code: template.code, version: template.version, title: template.title, purpose: template.purpose, definition };
}

/** A template the radiologist picks must be offered now: the latest active version for the purpose. */
export async function assertChoosableTemplate(tx: Tx, requestType: RequestType, templateId: string): Promise<void> {
  const offered = await listActiveTemplates(tx, purposeOf(requestType));
  if (!offered.some((template) => template.id === templateId)) throw new AppError("NOT_FOUND", "Template not offered");
}

/**
 * The template suggested when reading starts: one for the modality and body region, else one
 * for any modality. Among those of the region, one that agrees with the protocol's contrast
 * decision comes first: an injected head CT is an angio-CT, not "sans injection".
 */
export async function suggestTemplateId(tx: Tx, requestType: RequestType, modality: Modality, bodyRegion: string, contrastInjection: boolean | null = null): Promise<string> {
  const offered = await listActiveTemplates(tx, purposeOf(requestType));
  const region = bodyRegion.toLowerCase();
  const byModality = offered.filter((c) => c.modality === modality);
  const ofRegion = byModality.filter((c) => regionWords(c.title).some((word) => region.includes(word)));
  const byRegion = ofRegion.find((c) => saysInjected(c.title) === (contrastInjection === true)) ?? ofRegion[0];
  const chosen = byRegion ?? byModality[0] ?? offered.find((c) => c.modality === null) ?? offered[0];
  if (!chosen) throw new AppError("NOT_FOUND", "No active report template");
  return chosen.id;
}

/** Whether a template's title names an injected act (angio-CT, "avec injection"). */
function saysInjected(title: string): boolean {
  const t = title.toLowerCase();
  return /angio|avec injection|inject[ée]/.test(t) && !/sans injection/.test(t);
}

/** Words of a template title that name a body region ("cérébral", "thoracique"...). */
function regionWords(title: string): string[] {
  const t = title.toLowerCase();
  const words: string[] = [];
  if (/c[ée]r[ée]br|cr[âa]n|t[êe]te|enc[ée]phal/.test(t)) words.push("céré", "cere", "crân", "cran", "tête", "tete", "encéph", "enceph", "neuro");
  if (/thora|pulmon|poumon/.test(t)) words.push("thora", "pulmo", "poumon", "embol");
  if (/abdo|pelv/.test(t)) words.push("abdo", "pelv");
  return words;
}
