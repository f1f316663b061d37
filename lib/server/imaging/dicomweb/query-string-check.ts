// Every DICOMweb query string (QIDO, WADO, STOW) is checked once at the top of the handler: a
// NUL or control character in a parameter name or value is refused with the reason (400),
// before it can reach a LIKE pattern, a log line or the database (PostgreSQL rejects NUL in
// text, which would otherwise surface as a 500). Pure.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The reason the query string is refused, or null when it is acceptable. */
export function queryStringProblem(params: URLSearchParams): string | null {
  for (const [key, value] of params) {
    const where = CONTROL.test(key) ? "a query parameter name" : CONTROL.test(value) ? `the value of ${printable(key)}` : null;
    if (where) return `${where} contains a NUL or control character`;
  }
  return null;
}

function printable(key: string): string {
  return `"${key.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?").slice(0, 64)}"`;
}
