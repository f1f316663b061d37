import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import jpeg from "jpeg-js";
import type { DicomRejectionCode } from "@/lib/dicom/dicom-rejection";
import { corpusCacheDir, PYDICOM_VERSION, pydicomDataDir, pydicomFile } from "./public-dicom-files";

// The real-world corpus every ingest channel is tested with: pydicom's own test files, variants
// other toolkits make of them (DCMTK: dcmconv, dcmcrle, dcmcjpls, dcmcjpeg, img2dcm, dcmodify,
// pdf2dcm; GDCM: gdcmconv --j2k, gdcmimg) and files crafted with pydicom for each case the
// archive must accept (craft-corpus-files.py). Built once into the cache outside git.
//
// Entries are in send order: pydicom reuses one SOP Instance UID across several of its files,
// so a later file is "already-stored" (the same dataset: another VR encoding, padding) or a
// CONFLICT (another dataset under that UID), as the archive must answer.

export type ExpectedOutcome = "stored" | "already-stored" | DicomRejectionCode;

export interface CorpusEntry {
  name: string;
  file: string;
  /** Which toolkit wrote it, and how. */
  source: string;
  expected: ExpectedOutcome;
  /** The decoded Patient's Name (all component groups) the study must show, when stored. */
  patientName?: string;
  content?: "IMAGE" | "STRUCTURED_REPORT" | "ENCAPSULATED_DOCUMENT" | "WAVEFORM" | "OTHER";
  /** Why DCMTK's storescu cannot send this file at all (then only STOW-RS carries it). */
  storescuCannotSend?: RegExp;
  /** Stored inflated (it came deflated): the file kept is Explicit VR Little Endian, the same dataset. */
  storedInflated?: boolean;
  /** Stored, but with a warning the sender is told (STOW-RS Warning Reason B000, C-STORE B000). */
  warning?: RegExp;
  /**
   * For a file STOW-RS refuses, the C-STORE answer when storescu sends it: it rewrites what
   * STOW-RS refused at the file level (no meta header, big endian, deflate, a meta header
   * naming another UID), so the dataset itself is judged, and "success" is right then.
   */
  cstore?: "success" | "0111" | "A900";
}

/** Bumped when the builder changes what it makes: a new directory, the old one left alone. */
const BUILD = "v2";

const PYDICOM: readonly [file: string, expected: ExpectedOutcome, patientName?: string, content?: CorpusEntry["content"]][] = [
  ["test_files/CT_small.dcm", "stored", "CompressedSamples^CT1"],
  ["test_files/MR_small.dcm", "stored", "CompressedSamples^MR1"],
  ["test_files/MR_small_implicit.dcm", "already-stored"],
  ["test_files/MR_small_padded.dcm", "already-stored"],
  // The same dataset compressed without loss: recognised by its decoded pixels.
  ["test_files/MR_small_RLE.dcm", "already-stored"],
  ["test_files/MR_small_jpeg_ls_lossless.dcm", "already-stored"],
  ["test_files/MR_small_bigendian.dcm", "UNSUPPORTED_TRANSFER_SYNTAX"],
  ["test_files/MR_truncated.dcm", "TRUNCATED"],
  ["test_files/693_J2KI.dcm", "stored", "CQ500-CT-310"],
  ["test_files/J2K_pixelrep_mismatch.dcm", "stored"],
  ["test_files/GDCMJ2K_TextGBR.dcm", "stored"],
  ["test_files/JPEG2000.dcm", "stored", "CompressedSamples^NM1"],
  ["test_files/JPGExtended.dcm", "stored"],
  ["test_files/JPEGLSNearLossless_08.dcm", "MISSING_ATTRIBUTE"],
  ["test_files/SC_rgb_small_odd.dcm", "stored", "Lestrade^G"],
  ["test_files/SC_rgb_small_odd_jpeg.dcm", "stored"],
  ["test_files/SC_rgb_rle.dcm", "stored"],
  ["test_files/SC_rgb_rle_16bit_2frame.dcm", "CONFLICT"],
  ["test_files/SC_rgb_dcmtk_+eb+cr.dcm", "stored"],
  ["test_files/SC_rgb_gdcm_KY.dcm", "stored"],
  ["test_files/SC_ybr_full_422_uncompressed.dcm", "stored", "Lestrade^G"],
  ["test_files/SC_jpeg_no_color_transform.dcm", "stored"],
  ["test_files/examples_palette.dcm", "stored", "OB^^^^"],
  ["test_files/examples_rgb_color.dcm", "stored"],
  ["test_files/examples_ybr_color.dcm", "stored", "PLA"],
  ["test_files/examples_overlay.dcm", "stored"],
  ["test_files/examples_jpeg2k.dcm", "stored"],
  ["test_files/liver_1frame.dcm", "stored", "JANCT000"],
  ["test_files/rtdose_rle.dcm", "stored", "Lastname^Firstname"],
  ["test_files/rtdose.dcm", "UID_MISMATCH"],
  ["test_files/rtplan_truncated.dcm", "MALFORMED"],
  ["test_files/rtstruct.dcm", "NO_META_HEADER"],
  ["test_files/test-SR.dcm", "stored", "Test^S R", "STRUCTURED_REPORT"],
  ["test_files/reportsi.dcm", "stored", "Last Name^First Name", "STRUCTURED_REPORT"],
  ["test_files/reportsi_with_empty_number_tags.dcm", "CONFLICT"],
  ["test_files/waveform_ecg.dcm", "stored", "Anonymous", "WAVEFORM"],
  // Deflated Explicit VR Little Endian: stored inflated, the same dataset (inflate-deflated.ts).
  ["test_files/image_dfl.dcm", "stored"],
  ["test_files/no_meta.dcm", "NO_META_HEADER"],
  ["test_files/UN_sequence.dcm", "TRUNCATED"],
  ["charset_files/chrArab.dcm", "stored", "قباني^لنزار"],
  ["charset_files/chrFren.dcm", "stored", "Buc^Jérôme"],
  ["charset_files/chrFrenMulti.dcm", "CONFLICT"],
  ["charset_files/chrGerm.dcm", "stored", "Äneas^Rüdiger"],
  ["charset_files/chrGreek.dcm", "stored", "Διονυσιος"],
  ["charset_files/chrH31.dcm", "stored", "Yamada^Tarou=山田^太郎=やまだ^たろう"],
  ["charset_files/chrH32.dcm", "stored", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"],
  ["charset_files/chrHbrw.dcm", "stored", "שרון^דבורה"],
  ["charset_files/chrI2.dcm", "stored", "Hong^Gildong=洪^吉洞=홍^길동"],
  ["charset_files/chrKoreanMulti.dcm", "stored", "김희중", "OTHER"],
  ["charset_files/chrRuss.dcm", "stored", "Люкceмбypг"],
  ["charset_files/chrX1.dcm", "stored", "Wang^XiaoDong=王^小東"],
  ["charset_files/chrX2.dcm", "stored", "Wang^XiaoDong=王^小东"],
  // pydicom's Japanese files carry another UID in their File Meta Information than in their dataset.
  ["charset_files/chrJapMulti.dcm", "UID_MISMATCH"],
];

const CRAFTED: readonly [name: string, patientName: string, content?: CorpusEntry["content"], storescuCannotSend?: RegExp][] = [
  ["palette-segmented", "PALETTE^SEGMENTED"],
  ["palette-normal", "PALETTE^NORMAL"],
  ["ybr-full-422-2-frames", "YBR^FULL422"],
  ["rgb-planar-1", "RGB^PLANAR"],
  ["seg-1-bit-unaligned-frames", "SEG^ONEBIT"],
  ["mono-32-bit", "THIRTYTWO^BITS"],
  ["float-pixel-data", "FLOAT^PIXELS"],
  ["double-float-pixel-data", "DOUBLE^PIXELS"],
  ["iso-2022-japanese", "Yamada^Tarou=山田^太郎=やまだ^たろう"],
  ["iso-2022-korean", "Hong^Gildong=洪^吉洞=홍^길동"],
  ["undecodable-name", "Caf\uFFFD^Jos\uFFFD"],
  ["empty-patient-id-empty-modality", "NOID^EMPTY"],
  ["shared-id-first-name", "DUPONT^JEAN"],
  ["shared-id-second-name", "MARTIN^PAUL"],
  ["overlong-description", "LONG^DESCRIPTION"],
  // storescu 3.6.7 sends no SOP class it does not know; the listener's acceptance of private
  // classes is tested in presentation-contexts.test.ts.
  ["private-class-large-private-blob", "PRIVATE^CLASS", "IMAGE", /unknown storage SOP class in file/],
  ["basic-text-sr", "REPORT^TEXT", "STRUCTURED_REPORT"],
  ["key-object-selection", "KEY^OBJECTS", "STRUCTURED_REPORT"],
  ["grayscale-presentation-state", "PRESENTATION^STATE", "OTHER"],
];

/** Builds the corpus once (complete or absent) and lists it in send order. */
/** Files DCMTK itself refuses to read for sending: what storescu says. */
const STORESCU_UNREADABLE = /missing SOP class \(or instance\) in file/;
const STORESCU_CANNOT_SEND: Record<string, RegExp> = {
  "test_files/rtdose_rle.dcm": STORESCU_UNREADABLE,
  "test_files/MR_truncated.dcm": STORESCU_UNREADABLE,
  "test_files/rtplan_truncated.dcm": STORESCU_UNREADABLE,
  "test_files/no_meta.dcm": STORESCU_UNREADABLE,
  "test_files/UN_sequence.dcm": STORESCU_UNREADABLE,
};

const CSTORE_OF_REFUSED: Record<string, CorpusEntry["cstore"]> = {
  "test_files/MR_small_bigendian.dcm": "success", // storescu sends it little endian: MR_small again
  "test_files/rtstruct.dcm": "success", // a dataset without meta header: storescu sends the dataset
  "charset_files/chrJapMulti.dcm": "success", // the listener writes a meta header naming the right UID
  "test_files/JPEGLSNearLossless_08.dcm": "A900",
  "test_files/SC_rgb_rle_16bit_2frame.dcm": "0111",
  "test_files/rtdose.dcm": "0111", // not the dataset rtdose_rle.dcm holds under that UID
  "test_files/reportsi_with_empty_number_tags.dcm": "0111",
  "charset_files/chrFrenMulti.dcm": "0111",
};

/** Files stored with a warning, and what the warning says. */
const WARNINGS: Record<string, RegExp> = {
  "pydicom/test_files/MR_small_padded.dcm": /after the last frame, ignored/,
  "crafted/undecodable-name": /bytes invalid in character set/,
  "crafted/overlong-description": /longer than 64 characters: indexed cut/,
};

export function realWorldCorpus(): CorpusEntry[] {
  return corpusEntries().map((entry) => ({
    ...entry,
    ...(WARNINGS[entry.name] ? { warning: WARNINGS[entry.name] } : {}),
    ...(entry.name === "pydicom/test_files/image_dfl.dcm" ? { storedInflated: true } : {}),
  }));
}

function corpusEntries(): CorpusEntry[] {
  const dir = path.join(corpusCacheDir(), `real-world-${BUILD}-pydicom-${PYDICOM_VERSION}`);
  if (!existsSync(dir)) build(dir);
  const file = (name: string) => path.join(dir, `${name}.dcm`);
  return [
    ...PYDICOM.map(([relative, expected, patientName, content]): CorpusEntry => ({
      name: `pydicom/${relative}`,
      file: pydicomFile(relative),
      source: `pydicom ${PYDICOM_VERSION} wheel`,
      expected,
      ...(patientName ? { patientName } : {}),
      ...(content ? { content } : expected === "stored" ? { content: "IMAGE" } : {}),
      ...(STORESCU_CANNOT_SEND[relative] ? { storescuCannotSend: STORESCU_CANNOT_SEND[relative] } : {}),
      ...(CSTORE_OF_REFUSED[relative] ? { cstore: CSTORE_OF_REFUSED[relative] } : {}),
    })),
    ...CRAFTED.map(([name, patientName, content, storescuCannotSend]): CorpusEntry => ({
      name: `crafted/${name}`,
      file: file(name),
      source: "pydicom (craft-corpus-files.py)",
      expected: "stored",
      patientName,
      content: content ?? "IMAGE",
      ...(storescuCannotSend ? { storescuCannotSend } : {}),
    })),
    { name: "crafted/overlong-patient-id", file: file("overlong-patient-id"), source: "pydicom (craft-corpus-files.py)", expected: "MALFORMED", cstore: "A900" },
    { name: "dcmtk/ct-implicit-vr", file: file("ct-implicit-vr"), source: "dcmconv +ti CT_small.dcm", expected: "already-stored" },
    { name: "dcmtk/ct-rle", file: file("ct-rle"), source: "dcmcrle CT_small.dcm, dcmodify -gin -gse -gst", expected: "stored", content: "IMAGE" },
    { name: "dcmtk/ct-jpeg-ls", file: file("ct-jpeg-ls"), source: "dcmcjpls CT_small.dcm, dcmodify -gin -gse -gst", expected: "stored", content: "IMAGE" },
    { name: "dcmtk/ct-jpeg-lossless", file: file("ct-jpeg-lossless"), source: "dcmcjpeg +e1 CT_small.dcm, dcmodify -gin -gse -gst", expected: "stored", content: "IMAGE" },
    { name: "dcmtk/ct-renamed", file: file("ct-renamed"), source: "dcmodify -gin -gse -gst -m PatientName CT_small.dcm", expected: "stored", patientName: "Dcmodify^Renamed" },
    { name: "dcmtk/img2dcm-jpeg", file: file("img2dcm-jpeg"), source: "img2dcm of a JPEG (jpeg-js)", expected: "stored", patientName: "IMG2DCM^JPEG", content: "IMAGE" },
    { name: "dcmtk/pdf2dcm", file: file("pdf2dcm"), source: "pdf2dcm of a 100 KB PDF", expected: "stored", patientName: "PDF^DOCUMENT", content: "ENCAPSULATED_DOCUMENT" },
    { name: "gdcm/ct-j2k", file: file("ct-j2k"), source: "gdcmconv --j2k CT_small.dcm, dcmodify -gin -gse -gst", expected: "stored", content: "IMAGE" },
    { name: "gdcm/gdcmimg-pgm", file: file("gdcmimg-pgm"), source: "gdcmimg of a PGM", expected: "stored", content: "IMAGE" },
  ];
}

function build(dir: string): void {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const pydicomRoot = path.dirname(path.dirname(pydicomDataDir()));
  execFileSync("python3", [path.resolve("lib/testing/corpus/craft-corpus-files.py"), partial], {
    env: { ...process.env, PYTHONPATH: pydicomRoot, PYTHONWARNINGS: "ignore" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const out = (name: string) => path.join(partial, `${name}.dcm`);
  const ct = pydicomFile("test_files/CT_small.dcm");
  const freshUids = (file: string) => run("dcmodify", ["-nb", "-gin", "-gse", "-gst", file]);

  run("dcmconv", ["+ti", ct, out("ct-implicit-vr")]);
  run("dcmcrle", [ct, out("ct-rle")]);
  freshUids(out("ct-rle"));
  run("dcmcjpls", [ct, out("ct-jpeg-ls")]);
  freshUids(out("ct-jpeg-ls"));
  run("dcmcjpeg", ["+e1", ct, out("ct-jpeg-lossless")]);
  freshUids(out("ct-jpeg-lossless"));
  copyFileSync(ct, out("ct-renamed"));
  run("dcmodify", ["-nb", "-gin", "-gse", "-gst", "-m", "(0010,0010)=Dcmodify^Renamed", out("ct-renamed")]);
  run("gdcmconv", ["--j2k", ct, out("ct-j2k")]);
  freshUids(out("ct-j2k"));

  const jpegFile = path.join(partial, "gradient.jpg");
  const rgba = Buffer.alloc(32 * 24 * 4, 0xff).map((value, index) => (index % 4 === 3 ? 0xff : (index * 7) % 256));
  writeFileSync(jpegFile, jpeg.encode({ data: rgba, width: 32, height: 24 }, 90).data);
  run("img2dcm", ["-i", "JPEG", "-k", "PatientName=IMG2DCM^JPEG", "-k", "PatientID=IMG2DCM", jpegFile, out("img2dcm-jpeg")]);

  const pgmFile = path.join(partial, "gradient.pgm");
  writeFileSync(pgmFile, Buffer.concat([Buffer.from("P5\n16 16\n255\n"), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]));
  run("gdcmimg", [pgmFile, out("gdcmimg-pgm")]);

  const pdfFile = path.join(partial, "report.pdf");
  writeFileSync(pdfFile, minimalPdf(100 * 1024));
  run("pdf2dcm", ["+pn", "PDF^DOCUMENT", "+pi", "PDF-1", "+t", "Compte rendu", pdfFile, out("pdf2dcm")]);

  for (const scratch of [jpegFile, pgmFile, pdfFile]) rmSync(scratch);
  renameSync(partial, dir);
}

function run(tool: string, args: readonly string[]): void {
  execFileSync(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** A one-page PDF padded with a comment to the size asked: pdf2dcm only checks the header. */
function minimalPdf(size: number): Buffer {
  const body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n";
  return Buffer.from(`${body}%${"x".repeat(Math.max(0, size - body.length - 7))}\n%%EOF\n`);
}
