import "server-only";

// SQL expression builders for the history generator. Everything random is a pure function of
// (seed, row key, stream): hashint8extended is PostgreSQL's built-in 64-bit hash, so a seed
// gives the same territory and the same year of requests on every run, in set-based SQL.

const MASK_48 = "281474976710655";
const TWO_48 = "281474976710656.0";

/** A seeded random source: `uniform(key, stream)` is uniform in (0, 1), independent per stream. */
export interface Rng {
  uniform: (key: string, stream: number) => string;
  normal: (key: string, stream: number) => string;
  /** A lognormal duration in seconds around `median` (an SQL expression), spread `sigma`. */
  lognormal: (key: string, stream: number, median: string, sigma: number) => string;
  /** A 64-bit hash of `key`, for picking among n with `mod`. */
  hash: (key: string, stream: number) => string;
  /** A deterministic version-4-shaped UUID named by `parts` (SQL text expressions). */
  uuid: (...parts: string[]) => string;
}

export function seededRng(seed: number): Rng {
  // Streams are spaced so that seeds never share one: seed s uses s*4096 + stream.
  const salt = (stream: number) => `${seed * 4096 + stream}::bigint`;
  const hash = (key: string, stream: number) => `hashint8extended((${key})::bigint, ${salt(stream)})`;
  const uniform = (key: string, stream: number) => `(((${hash(key, stream)} & ${MASK_48})::float8 + 0.5) / ${TWO_48})`;
  // Box-Muller: two uniforms make one standard normal deviate.
  const normal = (key: string, stream: number) => `(sqrt(-2.0 * ln(${uniform(key, stream)})) * cos(2.0 * pi() * ${uniform(key, stream + 2048)}))`;
  const lognormal = (key: string, stream: number, median: string, sigma: number) => `((${median}) * exp(${sigma} * ${normal(key, stream)}))`;
  const uuid = (...parts: string[]) =>
    `overlay(overlay(md5(${literal(`${seed}`)} || ${parts.map((p) => `':' || (${p})::text`).join(" || ")}) placing '4' from 13) placing '8' from 17)::uuid`;
  return { uniform, normal, lognormal, hash, uuid };
}

/** A SQL string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** ARRAY[...] of string literals, typed text[]. */
export function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(literal).join(", ")}]::text[]`;
}

/** ARRAY[...] of numbers, typed float8[]. */
export function numberArray(values: readonly number[]): string {
  return `ARRAY[${values.map((v) => String(v)).join(", ")}]::float8[]`;
}

/**
 * The 1-based index picked by a uniform `u` among weights (a CASE over cumulative shares).
 * Used for small categorical mixes (priorities, exam kinds, fates).
 */
export function weightedPick(u: string, weights: readonly number[]): string {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let cumulative = 0;
  const branches = weights.slice(0, -1).map((w, index) => {
    cumulative += w;
    return `WHEN ${u} < ${cumulative / total} THEN ${index + 1}`;
  });
  return `(CASE ${branches.join(" ")} ELSE ${weights.length} END)`;
}

/** A positive `hash mod n`. */
export function hashMod(hash: string, n: string | number): string {
  return `(((${hash}) % (${n})::bigint + (${n})::bigint) % (${n})::bigint)::int`;
}
