// The DICOMweb resources this server answers (PS3.18), parsed from a URL path below the base.
// Pure: the handler dispatches on the result.

export const DICOMWEB_BASE_PATH = "/dicomweb";

export type DicomwebRoute =
  | { kind: "stow"; studyUid: string | null }
  | { kind: "qido-studies" }
  | { kind: "qido-series"; studyUid: string | null }
  | { kind: "qido-instances"; studyUid: string | null; seriesUid: string | null }
  | { kind: "retrieve"; studyUid: string; seriesUid: string | null; sopUid: string | null }
  | { kind: "metadata"; studyUid: string; seriesUid: string | null; sopUid: string | null }
  | { kind: "frames"; studyUid: string; seriesUid: string; sopUid: string; frames: number[] }
  | { kind: "rendered"; studyUid: string; seriesUid: string | null; sopUid: string | null; frame: number | null; thumbnail: boolean }
  | { kind: "bulkdata"; studyUid: string; seriesUid: string; sopUid: string; tag: string };

export type RouteMatch = { ok: true; route: DicomwebRoute } | { ok: false; status: 404 | 405 | 400; message: string };

const UID = /^[0-9.]{1,64}$/;
const MAX_FRAMES_PER_REQUEST = 10_000;

export function matchDicomwebRoute(method: string, pathname: string): RouteMatch {
  const parts = pathname.slice(DICOMWEB_BASE_PATH.length).split("/").filter(Boolean).map(decodeURIComponent);
  const [root, ...rest] = parts;
  if (method === "POST") {
    if (root === "studies" && rest.length <= 1) return withUids(rest, () => ({ kind: "stow", studyUid: rest[0] ?? null }));
    return notFound();
  }
  if (method !== "GET" && method !== "HEAD") return { ok: false, status: 405, message: `${method} is not supported here` };

  if (root === "series" && rest.length === 0) return ok({ kind: "qido-series", studyUid: null });
  if (root === "instances" && rest.length === 0) return ok({ kind: "qido-instances", studyUid: null, seriesUid: null });
  if (root !== "studies") return notFound();
  if (rest.length === 0) return ok({ kind: "qido-studies" });

  const [studyUid = "", level2, seriesUid = "", level4, sopUid = "", level6, frameList, level8] = rest;
  const uids = [studyUid, ...(level2 === "series" && seriesUid ? [seriesUid] : []), ...(level4 === "instances" && sopUid ? [sopUid] : [])];
  if (uids.some((uid) => !UID.test(uid))) return { ok: false, status: 400, message: "malformed UID in the path" };

  switch (rest.length) {
    case 1:
      return ok({ kind: "retrieve", studyUid, seriesUid: null, sopUid: null });
    case 2:
      if (level2 === "series") return ok({ kind: "qido-series", studyUid });
      if (level2 === "instances") return ok({ kind: "qido-instances", studyUid, seriesUid: null });
      if (level2 === "metadata") return ok({ kind: "metadata", studyUid, seriesUid: null, sopUid: null });
      if (level2 === "thumbnail" || level2 === "rendered") return ok({ kind: "rendered", studyUid, seriesUid: null, sopUid: null, frame: null, thumbnail: level2 === "thumbnail" });
      return notFound();
    case 3:
      return level2 === "series" ? ok({ kind: "retrieve", studyUid, seriesUid, sopUid: null }) : notFound();
    case 4:
      if (level2 !== "series") return notFound();
      if (level4 === "instances") return ok({ kind: "qido-instances", studyUid, seriesUid });
      if (level4 === "metadata") return ok({ kind: "metadata", studyUid, seriesUid, sopUid: null });
      if (level4 === "thumbnail" || level4 === "rendered") return ok({ kind: "rendered", studyUid, seriesUid, sopUid: null, frame: null, thumbnail: level4 === "thumbnail" });
      return notFound();
    case 5:
      return level2 === "series" && level4 === "instances" ? ok({ kind: "retrieve", studyUid, seriesUid, sopUid }) : notFound();
    case 6:
      if (level2 !== "series" || level4 !== "instances") return notFound();
      if (level6 === "metadata") return ok({ kind: "metadata", studyUid, seriesUid, sopUid });
      if (level6 === "thumbnail" || level6 === "rendered") return ok({ kind: "rendered", studyUid, seriesUid, sopUid, frame: null, thumbnail: level6 === "thumbnail" });
      return notFound();
    case 7: {
      if (level2 !== "series" || level4 !== "instances" || !frameList) return notFound();
      if (level6 === "bulkdata") {
        if (!/^[0-9A-Fa-f]{8}$/.test(frameList)) return { ok: false, status: 400, message: "bulk data is named by its tag, 8 hexadecimal digits" };
        return ok({ kind: "bulkdata", studyUid, seriesUid, sopUid, tag: frameList.toUpperCase() });
      }
      if (level6 !== "frames") return notFound();
      const frames = parseFrameList(frameList);
      if (!frames) return { ok: false, status: 400, message: "frame list must be comma-separated numbers from 1" };
      return ok({ kind: "frames", studyUid, seriesUid, sopUid, frames });
    }
    case 8: {
      if (level2 !== "series" || level4 !== "instances" || level6 !== "frames" || !frameList || (level8 !== "rendered" && level8 !== "thumbnail")) return notFound();
      const frames = parseFrameList(frameList);
      if (!frames || frames.length !== 1) return { ok: false, status: 400, message: "a rendered frame is one frame number from 1" };
      return ok({ kind: "rendered", studyUid, seriesUid, sopUid, frame: frames[0]!, thumbnail: level8 === "thumbnail" });
    }
    default:
      return notFound();
  }
}

function parseFrameList(text: string): number[] | null {
  const items = text.split(",");
  if (items.length > MAX_FRAMES_PER_REQUEST) return null;
  const frames = items.map((item) => (/^[1-9][0-9]{0,5}$/.test(item.trim()) ? Number(item.trim()) : NaN));
  return frames.every(Number.isInteger) ? frames : null;
}

function withUids(uids: string[], route: () => DicomwebRoute): RouteMatch {
  if (uids.some((uid) => !UID.test(uid))) return { ok: false, status: 400, message: "malformed UID in the path" };
  return ok(route());
}

function ok(route: DicomwebRoute): RouteMatch {
  return { ok: true, route };
}

function notFound(): RouteMatch {
  return { ok: false, status: 404, message: "no such DICOMweb resource" };
}
