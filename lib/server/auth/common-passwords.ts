import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// About 49,000 of the most common passwords from public breach corpora (zxcvbn-ts), plus French
// ones the list misses. Loaded once, on first use.
const FRENCH = ["motdepasse", "azertyuiop", "soleil", "doudou", "chouchou", "bonjour", "marseille", "loulou", "nicolas", "jetaime", "hopital", "urgences", "radiologie", "teleradiologie", "medecin", "docteur", "infirmier", "infirmiere"];

let cached: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set([...dictionary["passwords-common"], ...FRENCH].map((word) => word.toLowerCase()));
  return cached;
}
