// Whether the authentication an OpenID provider reports (the ID token's `acr`) is strong
// enough. Pro Santé Connect asks for and reports `eidas1` (a CPS card or an e-CPS). eIDAS
// levels are ordered, so a higher `eidasN` than required also satisfies; any other value
// (a Keycloak or Entra ID level) must be listed exactly.

const EIDAS = /^eidas(\d)$/;

/** The values of a space- or comma-separated setting, without blanks or repeats. */
export function acrList(setting: string): string[] {
  return [...new Set(setting.split(/[\s,]+/).filter(Boolean))];
}

/** Whether `returned` meets one of `required`. An empty requirement is met by anything, a missing acr by nothing else. */
export function acrSatisfies(returned: unknown, required: readonly string[]): boolean {
  if (required.length === 0) return true;
  if (typeof returned !== "string" || returned === "") return false;
  if (required.includes(returned)) return true;
  const level = eidasLevel(returned);
  return level !== null && required.some((value) => {
    const needed = eidasLevel(value);
    return needed !== null && level >= needed;
  });
}

function eidasLevel(value: string): number | null {
  const match = EIDAS.exec(value);
  return match ? Number(match[1]) : null;
}
