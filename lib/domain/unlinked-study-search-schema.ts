import { z } from "zod";

// The request page's search for the study to link: the site's studies not linked to any
// request. Shared by the form and the server. Without any criterion the server shows only the
// studies whose identity matches the request's patient, never the site's other patients.

export const UNLINKED_STUDIES_PAGE_SIZE = 10;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "validation.tooLong" })
    .transform((value) => (value === "" ? undefined : value))
    .optional();

const day = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: "validation.date" })
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const unlinkedStudySearchSchema = z
  .object({
    requestId: z.uuid({ message: "validation.id" }),
    /** Family or given name, any part of it, without case or accents. */
    name: text(64),
    /** The Patient ID (IPP) the study was received with: the start of it, without case. */
    patientId: text(64),
    accessionNumber: text(16),
    /** YYYY-MM-DD, inclusive. */
    dateFrom: day,
    dateTo: day,
    modality: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,16}$/, { message: "validation.invalid" })
      .transform((value) => (value === "" ? undefined : value.toUpperCase()))
      .optional(),
    page: z.number().int().min(1).max(10_000).default(1),
  })
  .refine((input) => !input.dateFrom || !input.dateTo || input.dateFrom <= input.dateTo, { message: "validation.range", path: ["dateTo"] });

export type UnlinkedStudySearch = z.output<typeof unlinkedStudySearchSchema>;
export type UnlinkedStudySearchInput = z.input<typeof unlinkedStudySearchSchema>;

/** Did the user ask for anything? Without criteria, only the request's patient's studies show. */
export function hasSearchCriteria(search: UnlinkedStudySearch): boolean {
  return [search.name, search.patientId, search.accessionNumber, search.dateFrom, search.dateTo, search.modality].some((value) => value !== undefined);
}

/** The words of a name query as the database compares them: upper case, no accents, letters and digits only. */
export function nameSearchTerms(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== "");
}
