/**
 * A copy with `key` set, or removed when the value is empty: an empty optional property of a
 * field is absent from the definition, as the JSON view shows and the schema expects.
 */
export function withOptional<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  const copy = { ...object };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}
