// Sends files to the server's STOW-RS endpoint with the session cookie, in batches, reporting
// bytes sent as they go. Each batch is one multipart/related request.

export interface StowFailure {
  sopUid: string | null;
  message: string;
}

export interface StowBatchResult {
  stored: string[];
  failures: StowFailure[];
}

const BOUNDARY_PREFIX = "teleradio-upload-";

export function stowBatch(files: File[], onProgress: (sentBytes: number) => void): Promise<StowBatchResult> {
  const boundary = `${BOUNDARY_PREFIX}${crypto.randomUUID()}`;
  const parts: BlobPart[] = [];
  for (const file of files) {
    parts.push(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, file, "\r\n");
  }
  parts.push(`--${boundary}--\r\n`);
  const body = new Blob(parts);
  const fileBytes = files.reduce((sum, f) => sum + f.size, 0);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/dicomweb/studies");
    xhr.setRequestHeader("Content-Type", `multipart/related; type="application/dicom"; boundary=${boundary}`);
    xhr.setRequestHeader("Accept", "application/dicom+json");
    // Progress in file bytes: the multipart framing is not the user's data.
    xhr.upload.onprogress = (event) => onProgress(Math.min(fileBytes, Math.round((event.loaded / Math.max(1, event.total)) * fileBytes)));
    xhr.onerror = () => reject(new Error("network"));
    xhr.onload = () => {
      if (xhr.status === 200 || xhr.status === 202 || xhr.status === 409) {
        onProgress(fileBytes);
        resolve(parseStowResponse(xhr.responseText));
      } else {
        reject(new Error(readError(xhr.responseText) ?? `HTTP ${xhr.status}`));
      }
    };
    xhr.send(body);
  });
}

type DicomJson = Record<string, { Value?: unknown[] }>;

function parseStowResponse(text: string): StowBatchResult {
  const body = JSON.parse(text) as DicomJson;
  const items = (tag: string) => (body[tag]?.Value ?? []) as DicomJson[];
  const first = (item: DicomJson, tag: string) => {
    const value = item[tag]?.Value?.[0];
    return typeof value === "string" ? value : null;
  };
  return {
    stored: items("00081199").flatMap((item) => first(item, "00081155") ?? []),
    failures: items("00081198").map((item) => ({ sopUid: first(item, "00081155"), message: first(item, "00000902") ?? `failure ${String(item["00081197"]?.Value?.[0] ?? "")}` })),
  };
}

function readError(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    return typeof body.error === "string" ? body.error : null;
  } catch {
    return null;
  }
}

/** SOP Instance UIDs the archive already holds for a study (QIDO-RS), so a resumed upload sends only the rest. */
export async function storedInstances(studyUid: string): Promise<Set<string>> {
  const found = new Set<string>();
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const response = await fetch(`/dicomweb/studies/${encodeURIComponent(studyUid)}/instances?limit=${pageSize}&offset=${offset}`, { headers: { Accept: "application/dicom+json" } });
    if (!response.ok) return found;
    const page = (await response.json()) as DicomJson[];
    for (const item of page) {
      const uid = item["00080018"]?.Value?.[0];
      if (typeof uid === "string") found.add(uid);
    }
    if (page.length < pageSize) return found;
  }
}
