import { z } from "zod";
import { hasControlCharacters } from "../control-characters";
import { searchTerms } from "./search-key";

// The header's patient search, shared by the form, the results page and the procedure.

/** Shorter queries would list half the territory's patients ("a"). */
export const PATIENT_SEARCH_MIN_LENGTH = 2;
/** Longer than any name, IPP, INS (15) or accession number (16) written in full. */
export const PATIENT_SEARCH_MAX_LENGTH = 64;
/** A search is a way to one patient, not an export: past this, the user narrows it. */
export const PATIENT_SEARCH_LIMIT = 50;

export const patientSearchSchema = z.object({
  query: z
    .string()
    .trim()
    .min(PATIENT_SEARCH_MIN_LENGTH, { message: "search.tooShort" })
    .max(PATIENT_SEARCH_MAX_LENGTH, { message: "validation.tooLong" })
    // Refused by the procedures' guard already; the results page reads the query from its URL.
    .refine((query) => !hasControlCharacters(query), { message: "validation.invalid" })
    // "--" or "..." would search for nothing in the name and match no identifier: a user error.
    .refine((query) => searchTerms(query).length > 0, { message: "search.tooShort" }),
});

export type PatientSearchInput = z.input<typeof patientSearchSchema>;
