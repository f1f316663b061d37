// How a patient's name is compared in the search: accents off, ligatures spelled out, upper
// case, letters and digits only. The database keeps the same key of every request in a
// generated column (ReadingRequest.patientNameKey, migration patient_search): the SQL there
// is this function's twin, built from the tables below, so both must change together.
//
// translate() covers the Latin letters French names carry and that Unicode decomposes into a
// base letter and accents (NFD); text typed in decomposed form loses its accents to the final
// "letters and digits only" step on both sides. Letters outside these tables (ł, ø, Greek,
// Cyrillic...) are dropped on both sides: such a name is found by its other words, its IPP,
// its INS or its accession number.

export const SEARCH_KEY_ACCENTED =
  "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸāăąćčďēėęěğīįńňōőřśşšţťūůűźżžĀĂĄĆČĎĒĖĘĚĞĪĮŃŇŌŐŘŚŞŠŢŤŪŮŰŹŻŽ";
export const SEARCH_KEY_PLAIN =
  "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYYaaaccdeeeegiinnoorsssttuuuzzzAAACCDEEEEGIINNOORSSSTTUUUZZZ";
/** Letters translate() cannot spell (one letter becomes two): replaced before it, in this order. */
export const SEARCH_KEY_LIGATURES: readonly (readonly [string, string])[] = [
  ["œ", "oe"],
  ["Œ", "OE"],
  ["æ", "ae"],
  ["Æ", "AE"],
  ["ß", "ss"],
];

/** The comparable form of a name: "Hélène Lefèvre-Cœur" -> "HELENELEFEVRECOEUR". */
export function searchKey(text: string): string {
  let value = text;
  for (const [from, to] of SEARCH_KEY_LIGATURES) value = value.replaceAll(from, to);
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

/**
 * The words of a query as keys: every one must be part of the name, in any order
 * ("helene brule" finds BRÛLÉ Hélène). Empty words (punctuation alone) are dropped.
 */
export function searchTerms(query: string): string[] {
  return query
    .split(/[\s,;/'’.-]+/)
    .map(searchKey)
    .filter((term) => term !== "");
}
