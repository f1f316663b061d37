import type { Modality, TemplatePurpose } from "@/lib/domain/enums";
import type { TemplateDefinition } from "@/lib/domain/reports/template-definition";

// What the template administration (/admin/templates) receives.

export interface PersonRef {
  id: string;
  name: string;
}

/** A code as the list shows it: its latest version, how many versions it has, whether it is offered. */
export interface TemplateListItemDto {
  code: string;
  latestVersion: number;
  versionCount: number;
  title: string;
  purpose: TemplatePurpose;
  modality: Modality | null;
  active: boolean;
  updatedAt: Date;
  /** Null for versions inserted by the system (the starter set). */
  updatedBy: PersonRef | null;
}

/** One version of a code, frozen once saved. */
export interface TemplateVersionDto {
  id: string;
  code: string;
  version: number;
  title: string;
  purpose: TemplatePurpose;
  modality: Modality | null;
  active: boolean;
  definition: TemplateDefinition;
  createdAt: Date;
  createdBy: PersonRef | null;
  /** Report versions written with it: the reason it can never change. */
  reportCount: number;
}

export interface SavedTemplateVersionDto {
  id: string;
  code: string;
  version: number;
}
