// Frames from our own server are asked one by one as application/octet-stream: the server
// answers with the bare bytes, which Cornerstone takes as they are. A multipart answer (the
// DICOMweb default, and what other servers such as Orthanc get) is scanned byte by byte and
// copied in the browser's main thread, about a fifth of its time while a stack loads.

const SINGLE_PART_ACCEPT = "application/octet-stream; transfer-syntax=*";
const singlePartRoots = new Set<string>();

/** Asks single-part frames from a DICOMweb root; the returned function stops it. */
export function preferSinglePartFrames(dicomwebRoot: string): () => void {
  singlePartRoots.add(dicomwebRoot);
  return () => singlePartRoots.delete(dicomwebRoot);
}

/** The image loader's extra request headers for an image id (see init-cornerstone.ts). */
export function frameRequestHeaders(imageId: string): Record<string, string> | undefined {
  const url = imageId.startsWith("wadors:") ? imageId.slice("wadors:".length) : imageId;
  for (const root of singlePartRoots) if (url.startsWith(`${root}/`) && url.includes("/frames/")) return { Accept: SINGLE_PART_ACCEPT };
  return undefined;
}
