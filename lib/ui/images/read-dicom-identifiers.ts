import dicomParser from "dicom-parser";

// In the browser, before an upload: which study, series and instance a picked file is, or why
// it is skipped. Reads only the header (up to the pixel data); the server checks everything again.

export type PickedFile =
  | { kind: "dicom"; file: File; path: string; studyUid: string; seriesUid: string; sopUid: string; patientName: string; studyDescription: string }
  | { kind: "skipped"; file: File; path: string; reason: "notDicom" | "dicomdir" | "unreadable" };

const DICOMDIR_CLASS = "1.2.840.10008.1.3.10";

export async function readDicomIdentifiers(file: File): Promise<PickedFile> {
  const path = file.webkitRelativePath || file.name;
  if (file.size < 132) return { kind: "skipped", file, path, reason: "notDicom" };
  const head = new Uint8Array(await file.slice(128, 132).arrayBuffer());
  if (String.fromCharCode(...head) !== "DICM") return { kind: "skipped", file, path, reason: "notDicom" };
  try {
    const dataSet = await parseHeader(file);
    if (dataSet.string("x00020002") === DICOMDIR_CLASS) return { kind: "skipped", file, path, reason: "dicomdir" };
    const studyUid = dataSet.string("x0020000d");
    const seriesUid = dataSet.string("x0020000e");
    const sopUid = dataSet.string("x00080018");
    if (!studyUid || !seriesUid || !sopUid) return { kind: "skipped", file, path, reason: "unreadable" };
    return {
      kind: "dicom",
      file,
      path,
      studyUid,
      seriesUid,
      sopUid,
      patientName: (dataSet.string("x00100010") ?? "").replaceAll("^", " ").trim(),
      studyDescription: dataSet.string("x00081030") ?? "",
    };
  } catch {
    return { kind: "skipped", file, path, reason: "unreadable" };
  }
}

const HEADER_BYTES = 256 * 1024;

/** The header is nearly always in the first 256 KB; the whole file is read only when it is not. */
async function parseHeader(file: File): Promise<dicomParser.DataSet> {
  if (file.size > HEADER_BYTES) {
    try {
      return dicomParser.parseDicom(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()), { untilTag: "x7fe00010" });
    } catch {
      // A long header (large sequences): read it all below.
    }
  }
  return dicomParser.parseDicom(new Uint8Array(await file.arrayBuffer()), { untilTag: "x7fe00010" });
}
