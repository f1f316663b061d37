import { describe, expect, it } from "vitest";
import { FOLD_TABLE, foldName } from "./fold-person-name";

describe("fuzzy person-name folding", () => {
  it("removes case and accents in Latin, Greek and Cyrillic names", () => {
    expect(foldName("DÉSIRÉ^Hélène")).toBe(foldName("desire^HELENE"));
    expect(foldName("Müller^Zoë")).toBe("muller^zoe");
    expect(foldName("ΠΑΠΑΔΌΠΟΥΛΟΣ")).toBe(foldName("παπαδοπουλος"));
    expect(foldName("Ёлкин")).toBe("елкин");
    expect(foldName("ＹＡＭＡＤＡ")).toBe("yamada");
  });

  it("leaves ideographic and kana names and the component separators as they are", () => {
    expect(foldName("山田^太郎=やまだ^たろう")).toBe("山田^太郎=やまだ^たろう");
  });

  it("maps one character to one, as SQL translate() needs", () => {
    expect([...FOLD_TABLE.from].length).toBe([...FOLD_TABLE.to].length);
  });
});
