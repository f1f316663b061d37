import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pydicomDataDir, pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import { decodeText } from "./decode-text";
import { personNameValue, type DicomJsonDataset } from "./dicom-json";
import { readDecodedDataset } from "./parse-instance";

// pydicom's charset files (FileInfo.txt lists their character sets), decoded names checked
// against what pydicom itself decodes: every character set family of PS3.5 6.1.

// Fetched (once, into the cache) while the file is collected: no test's timeout covers the download.
pydicomDataDir();

function decoded(relative: string): { metadata: DicomJsonDataset; warnings: string[] } {
  return readDecodedDataset(new Uint8Array(readFileSync(pydicomFile(relative))));
}

describe("Specific Character Set decoding", () => {
  it.each([
    ["chrArab.dcm", "ISO_IR 127", "قباني^لنزار"],
    ["chrFren.dcm", "ISO_IR 100", "Buc^Jérôme"],
    ["chrGerm.dcm", "ISO_IR 100", "Äneas^Rüdiger"],
    ["chrGreek.dcm", "ISO_IR 126", "Διονυσιος"],
    ["chrHbrw.dcm", "ISO_IR 138", "שרון^דבורה"],
    ["chrRuss.dcm", "ISO_IR 144", "Люкceмбypг"],
    ["chrH31.dcm", "\\ISO 2022 IR 87", "Yamada^Tarou=山田^太郎=やまだ^たろう"],
    ["chrH32.dcm", "ISO 2022 IR 13\\ISO 2022 IR 87", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"],
    ["chrJapMulti.dcm", "\\ISO 2022 IR 87", "やまだ^たろう"],
    ["chrJapMultiExplicitIR6.dcm", "ISO 2022 IR 6\\ISO 2022 IR 87", "やまだ^たろう"],
    ["chrI2.dcm", "\\ISO 2022 IR 149", "Hong^Gildong=洪^吉洞=홍^길동"],
    ["chrKoreanMulti.dcm", "\\ISO 2022 IR 149", "김희중"],
    ["chrX1.dcm", "ISO_IR 192", "Wang^XiaoDong=王^小東"],
    ["chrX2.dcm", "GB18030", "Wang^XiaoDong=王^小东"],
  ])("%s (%s) names %s, without warning", (file, charset, name) => {
    const { metadata, warnings } = decoded(`charset_files/${file}`);
    expect(personNameValue(metadata, "00100010")).toBe(name);
    expect(metadata["00080005"]?.Value).toEqual(charset.split("\\").map((term) => term || null));
    expect(warnings).toEqual([]);
  });

  it("keeps the component groups of a PN apart in the DICOM JSON", () => {
    const { metadata } = decoded("charset_files/chrH31.dcm");
    expect(metadata["00100010"]?.Value?.[0]).toEqual({ Alphabetic: "Yamada^Tarou", Ideographic: "山田^太郎", Phonetic: "やまだ^たろう" });
  });

  it("reads several values of a multi-valued LO and PN", () => {
    const { metadata } = decoded("charset_files/chrFrenMulti.dcm");
    expect(metadata["00101000"]?.Value).toEqual(["eggs", "spam"]);
    expect(metadata["00101001"]?.Value).toEqual([{ Alphabetic: "Buc^Jérôme" }, { Alphabetic: "Buc^Jérôme" }]);
  });

  it.each([
    // A sequence item declaring its own character set (ISO 2022 Japanese) inside a UTF-8 dataset.
    ["chrSQEncoding.dcm"],
    // The dataset's ISO 2022 character set inherited by the item.
    ["chrSQEncoding1.dcm"],
  ])("decodes the names inside the sequence items of %s", (file) => {
    const { metadata } = decoded(`charset_files/${file}`);
    const names = itemsWith(metadata, "00100010").map((item) => personNameValue(item, "00100010"));
    expect(names).toContain("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
    expect(itemsWith(metadata, "00321032").map((item) => personNameValue(item, "00321032"))).toContain("Doctor^Who^^MD");
  });

  it("stores a value it cannot decode, read as Latin-1, with a warning", () => {
    const unknown = decodeText("ISO_IR 999", Uint8Array.from([0x4a, 0xe9, 0x5e, 0x41]), "PN");
    expect(unknown.values).toEqual(["Jé^A"]);
    expect(unknown.warning).toMatch(/unknown character set "ISO_IR 999"/);
    const invalidUtf8 = decodeText("ISO_IR 192", Uint8Array.from([0x41, 0xff, 0x42]), "LO");
    expect(invalidUtf8.values).toEqual(["A\uFFFDB"]);
    expect(invalidUtf8.warning).toMatch(/invalid/);
  });

  it("splits values on backslash except in single-valued text", () => {
    expect(decodeText("ISO_IR 100", Buffer.from("a\\b "), "LO").values).toEqual(["a", "b"]);
    expect(decodeText("ISO_IR 100", Buffer.from(" a\\b "), "LT").values).toEqual([" a\\b"]);
  });
});

/** Every dataset (the root and all sequence items, however deep) that has this tag. */
function itemsWith(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  const found = dataset[tag] ? [dataset] : [];
  for (const element of Object.values(dataset)) {
    if (element.vr !== "SQ") continue;
    for (const item of element.Value ?? []) found.push(...itemsWith(item as DicomJsonDataset, tag));
  }
  return found;
}

