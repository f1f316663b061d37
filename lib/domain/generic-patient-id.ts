// A Patient ID is only an identity when it names someone in particular.

// IDs that PACS, anonymisers and emergency registrations write when they have none.
const GENERIC_ID = /^(0+|9+|x+|-+|\?+|\*+|unknown|inconnu|anonymous|anonyme|anon|none|null|nil|n\/?a|na|test|tmp|temp|patient|noid|no id)$/i;

/** An ID that names nobody in particular: it never groups studies. */
export function isGenericPatientId(patientId: string): boolean {
  const id = patientId.trim();
  return id === "" || GENERIC_ID.test(id);
}
