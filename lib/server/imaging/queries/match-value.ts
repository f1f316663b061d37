// How a QIDO-RS matching key's value matches (PS3.4 C.2.2.2). Pure.

/** A value with `*` or `?` anywhere is wildcard matching; `\` separates a list (UIDs, modalities). */
export function hasWildcard(value: string): boolean {
  return /[*?]/.test(value);
}

/** A value made only of `*` matches everything, like an empty one (C.2.2.2.4). */
export function isUniversal(value: string): boolean {
  return /^\**$/.test(value);
}

/**
 * A DICOM value as an SQL LIKE pattern (with `ESCAPE '\'`): `*` is any run, `?` any single
 * character, and `%`, `_` and `\` are literal characters of the value, escaped.
 */
export function toLikePattern(value: string): string {
  let pattern = "";
  for (const char of value) {
    if (char === "*") pattern += "%";
    else if (char === "?") pattern += "_";
    else if (char === "%" || char === "_" || char === "\\") pattern += `\\${char}`;
    else pattern += char;
  }
  return pattern;
}

/** A list of values (`\`, or `,` as many clients send UIDs), empty items dropped. */
export function listValues(value: string): string[] {
  return value
    .split(/[,\\]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
