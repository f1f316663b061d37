import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import { realWorldCorpus } from "@/lib/testing/corpus/real-world-corpus";
import { parseInstance } from "./parse-instance";

// The dataset's identity: the same for every encoding of the same dataset that keeps its
// pixels' bytes, different as soon as a value differs.

const digestOf = (file: string) => parseInstance(new Uint8Array(readFileSync(file))).datasetSha256;
// Built (once, into the cache) while the file is collected: no test's timeout covers the build.
const corpus = realWorldCorpus();
const corpusFile = (name: string) => corpus.find((entry) => entry.name === name)!.file;

describe("datasetSha256", () => {
  it("is the same in explicit and implicit VR, with or without trailing padding or padded pixel data", () => {
    const mr = digestOf(pydicomFile("test_files/MR_small.dcm"));
    expect(digestOf(pydicomFile("test_files/MR_small_implicit.dcm"))).toBe(mr);
    expect(digestOf(pydicomFile("test_files/MR_small_padded.dcm"))).toBe(mr);
    expect(digestOf(corpusFile("dcmtk/ct-implicit-vr"))).toBe(digestOf(pydicomFile("test_files/CT_small.dcm")));
  });

  it("differs when one value differs under the same UID", () => {
    expect(digestOf(pydicomFile("test_files/reportsi_with_empty_number_tags.dcm"))).not.toBe(digestOf(pydicomFile("test_files/reportsi.dcm")));
    expect(digestOf(pydicomFile("charset_files/chrFrenMulti.dcm"))).not.toBe(digestOf(pydicomFile("charset_files/chrFren.dcm")));
  });

  it("differs between two compressions of the same pixels (compared decoded only on a collision)", () => {
    expect(digestOf(pydicomFile("test_files/MR_small_RLE.dcm"))).not.toBe(digestOf(pydicomFile("test_files/MR_small.dcm")));
  });
});
