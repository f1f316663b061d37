// Text from a client must not carry control characters: a NUL is refused by PostgreSQL (a 500
// where a 400 was due), and the others have no place in a clinical text or an identifier.
// Tab, line feed and carriage return are text. One rule for every procedure's input and
// every DICOMweb parameter.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** The first path (as "a.b[2]") under which a string or a key holds a control character, or null. */
export function findControlCharacters(value: unknown, path = "input", depth = 0): string | null {
  if (typeof value === "string") return hasControlCharacters(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findControlCharacters(value[index], `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (hasControlCharacters(key)) return `${path} (a key)`;
    const found = findControlCharacters(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
