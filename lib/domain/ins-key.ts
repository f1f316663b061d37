// The INS matricule (NIR, or NIA when there is no NIR) carries a 2-digit control key so a
// mistyped digit is caught at the keyboard rather than in a namesake's record.
// Key = 97 − (13-digit number mod 97). Corsica's departments 2A and 2B are not digits: the
// rule counts them as 19 and 18 (the same as writing 20 and subtracting 1,000,000 or
// 2,000,000 from the 13-digit number).

/** Sex digit (1, 2; 3, 4, 7, 8 for NIA/temporary numbers), then 12 characters, then the key. */
const INS_SHAPE = /^[1-478]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/;

/** The key the 13 first characters call for, or null when they are not a NIR body. */
export function insKey(body: string): number | null {
  if (!/^\d{5}(?:\d{2}|2A|2B)\d{6}$/.test(body)) return null;
  const digits = body.slice(0, 5) + corsicaDepartment(body.slice(5, 7)) + body.slice(7);
  // 13 digits exceed 2^53 only slightly past 9e15, which a NIR never reaches; BigInt keeps it exact anyway.
  return 97 - Number(BigInt(digits) % 97n);
}

function corsicaDepartment(department: string): string {
  if (department === "2A") return "19";
  if (department === "2B") return "18";
  return department;
}

/** Whether a 15-character INS has the right shape and its key matches its first 13 characters. */
export function isValidIns(value: string): boolean {
  if (!INS_SHAPE.test(value)) return false;
  return insKey(value.slice(0, 13)) === Number(value.slice(13));
}

/** Appends the key to a 13-character body (tests and demo data build valid INS this way). */
export function withInsKey(body: string): string {
  const key = insKey(body);
  if (key === null) throw new Error("not a 13-character INS body");
  return body + String(key).padStart(2, "0");
}
