// Fuzzy person-name matching (PS3.18 fuzzymatching=true, PS3.4 C.2.2.2.1.x): case and accents
// do not count. Pure. The same character table folds the query in JavaScript and the stored
// names in SQL (translate()), so both sides agree whatever the database's locale (lower() in
// a "C" locale folds ASCII only).

function buildFoldTable(): { from: string; to: string } {
  let from = "";
  let to = "";
  const ranges: [number, number][] = [
    [0x41, 0x5a], // A-Z
    [0xc0, 0x24f], // Latin-1 and Latin Extended-A/B
    [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese…)
    [0x386, 0x3ce], // Greek with tonos
    [0x400, 0x45f], // Cyrillic
    [0xff21, 0xff3a], // full-width A-Z (Japanese input)
    [0xff41, 0xff5a], // full-width a-z
  ];
  for (const [first, last] of ranges) {
    for (let code = first; code <= last; code++) {
      const char = String.fromCodePoint(code);
      const folded = char.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
      // translate() maps one character to one: ligatures (Æ, ß) stay as they are.
      if ([...folded].length === 1 && folded !== char) {
        from += char;
        to += folded;
      }
    }
  }
  from += "ς";
  to += "σ";
  return { from, to };
}

/** The table for SQL `translate(value, from, to)`: same length, one character to one. */
export const FOLD_TABLE = buildFoldTable();

const FOLD_MAP = new Map([...FOLD_TABLE.from].map((char, index) => [char, [...FOLD_TABLE.to][index] ?? char]));

/** A name with case and accents removed, character by character, as the SQL side does. */
export function foldName(value: string): string {
  let folded = "";
  for (const char of value) folded += FOLD_MAP.get(char) ?? char;
  return folded;
}
