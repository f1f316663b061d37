import { describe, expect, it } from "vitest";
import { refusePassword } from "./password-policy";

const common = new Set(["motdepasse", "password", "azertyuiop", "soleil"]);
const me = { email: "claire.martin@chu.fr", displayName: "Dr Claire Martin" };

describe("password policy", () => {
  it("accepts a passphrase of 12 characters or more, without composition rules", () => {
    expect(refusePassword("cheval agrafe pile correcte", me, common)).toBeNull();
    expect(refusePassword("tartelettes au citron", me, common)).toBeNull();
  });

  it("refuses fewer than 12 characters, counted as characters not bytes", () => {
    expect(refusePassword("Tr0ub4dor&3", me, common)).toBe("TOO_SHORT");
    expect(refusePassword("éééééééééééa", me, common)).toBeNull();
  });

  it("refuses a common password, also dressed up with digits and symbols around it", () => {
    expect(refusePassword("azertyuiop12", me, common)).toBe("COMMON");
    expect(refusePassword("MotDePasse2026!", me, common)).toBe("COMMON");
    expect(refusePassword("!!Password1234", me, common)).toBe("COMMON");
  });

  it("refuses one short unit repeated", () => {
    expect(refusePassword("aaaaaaaaaaaaaa", me, common)).toBe("COMMON");
    expect(refusePassword("abcabcabcabcabc", me, common)).toBe("COMMON");
  });

  it("refuses the person's own name or e-mail with a few characters added", () => {
    expect(refusePassword("claire.martin", me, common)).toBe("PERSONAL");
    expect(refusePassword("Martin2026!!", me, common)).toBe("PERSONAL");
    expect(refusePassword("martin a la plage en aout", me, common)).toBeNull();
  });

  it("refuses more than 256 characters", () => {
    expect(refusePassword("x".repeat(200) + "y".repeat(57), me, common)).toBe("TOO_LONG");
  });
});
