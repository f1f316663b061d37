// Ids of what the form editor adds. A department head types a label, never an id: the id is
// made once from that label and then never changes (renaming edits the label only), because
// report values are stored by field id and a later version keeps the values of the fields it
// shares with the one a draft started from.

const ID_MAX = 48;
const SUFFIX_ROOM = 4;

/** "Côté de l'occlusion" -> "cote_de_l_occlusion": the template's id syntax (a lowercase letter first). */
export function slugFromLabel(label: string, fallback: string): string {
  const slug = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // French ligatures do not decompose.
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, ID_MAX - SUFFIX_ROOM)
    .replace(/_+$/, "");
  if (slug === "") return fallback;
  return /^[a-z]/.test(slug) ? slug : `${fallback}_${slug}`.slice(0, ID_MAX - SUFFIX_ROOM).replace(/_+$/, "");
}

/** `base`, or `base_2`, `base_3`… : the first one neither taken nor refused. */
export function uniqueId(base: string, isTaken: (id: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
