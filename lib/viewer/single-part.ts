// The body of the first part of a multipart/related answer. WADO-RS serves a whole instance
// as multipart/related; type="application/dicom" (one part per instance): the download needs
// the Part 10 file inside. A bare application/dicom answer is returned as it is.

function boundaryOf(contentType: string): string | null {
  const match = /boundary="?([^";,]+)"?/i.exec(contentType);
  return match?.[1] ?? null;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function firstPart(body: Uint8Array, contentType: string): Uint8Array | null {
  if (!/^multipart\/related/i.test(contentType.trim())) return body;
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const encoder = new TextEncoder();
  const start = indexOf(body, encoder.encode(`--${boundary}`), 0);
  if (start < 0) return null;
  const headersEnd = indexOf(body, encoder.encode("\r\n\r\n"), start);
  if (headersEnd < 0) return null;
  const contentStart = headersEnd + 4;
  const end = indexOf(body, encoder.encode(`\r\n--${boundary}`), contentStart);
  return end < 0 ? null : body.subarray(contentStart, end);
}
