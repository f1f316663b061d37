import type { DicomJsonDataset } from "./dicom-json";
import { ViewerHttpError } from "./series-loader";
import { firstPart } from "./single-part";

// What the document views fetch from DICOMweb (same-origin cookie authentication): a
// series' metadata (SR content is inline in it), an encapsulated PDF rendered as
// application/pdf, and an instance as a Part 10 file to download.

function seriesBase(root: string, studyUid: string, seriesUid: string): string {
  return `${root}/studies/${encodeURIComponent(studyUid)}/series/${encodeURIComponent(seriesUid)}`;
}

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new ViewerHttpError(response.status, `${what}: HTTP ${response.status}`);
  return response;
}

export async function fetchSeriesMetadata(root: string, studyUid: string, seriesUid: string, signal: AbortSignal): Promise<DicomJsonDataset[]> {
  const response = await ok(await fetch(`${seriesBase(root, studyUid, seriesUid)}/metadata`, { headers: { Accept: "application/dicom+json" }, credentials: "same-origin", signal }), "metadata");
  return (await response.json()) as DicomJsonDataset[];
}

/** The encapsulated PDF, as a blob the page shows in a frame (the URL is revoked by the caller). */
export async function fetchPdf(root: string, studyUid: string, seriesUid: string, sopUid: string, signal: AbortSignal): Promise<Blob> {
  const url = `${seriesBase(root, studyUid, seriesUid)}/instances/${encodeURIComponent(sopUid)}/rendered`;
  const response = await ok(await fetch(url, { headers: { Accept: "application/pdf" }, credentials: "same-origin", signal }), "PDF");
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/pdf")) throw new Error(`PDF: the server answered ${type || "no content type"}`);
  return new Blob([await response.arrayBuffer()], { type: "application/pdf" });
}

/** The instance as a Part 10 file: asked as application/dicom, accepted as WADO-RS multipart too. */
export async function fetchPart10(root: string, studyUid: string, seriesUid: string, sopUid: string): Promise<Blob> {
  const url = `${seriesBase(root, studyUid, seriesUid)}/instances/${encodeURIComponent(sopUid)}`;
  const response = await ok(await fetch(url, { headers: { Accept: 'application/dicom, multipart/related; type="application/dicom"' }, credentials: "same-origin" }), "DICOM");
  const file = firstPart(new Uint8Array(await response.arrayBuffer()), response.headers.get("Content-Type") ?? "");
  if (!file) throw new Error("DICOM: unreadable multipart answer");
  return new Blob([file.slice()], { type: "application/dicom" });
}

/** Saves a blob under a file name through a temporary link (the browser's own download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
