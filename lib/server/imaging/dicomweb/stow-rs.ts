import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { DicomRejectionCode } from "@/lib/dicom/dicom-rejection";
import { staffSiteOf } from "@/lib/domain/access";
import type { ImageDeps, IngestSource } from "../runtime/image-deps";
import { ingestInstance, type IngestOutcome } from "../ingest/ingest-instance";
import { addressRefusedMessage, type DicomwebPrincipal } from "./dicomweb-principal";
import { sendError, sendJson } from "./http-replies";
import { MultipartError, parseContentType, readMultipart } from "./multipart-related";

// STOW-RS (PS3.18 10.5): a multipart/related body of application/dicom parts. Each part is
// ingested on its own; the answer lists what was stored and what failed, and why.

/** Failure reasons of PS3.18 Table 10.5.3-3 (DIMSE status codes). */
const FAILURE_REASON: Record<DicomRejectionCode | "WRONG_CONTENT_TYPE" | "WRONG_STUDY", number> = {
  TOO_LARGE: 0xa700,
  NOT_DICOM: 0xc000,
  TRUNCATED: 0xc000,
  NO_META_HEADER: 0xc000,
  UNSUPPORTED_TRANSFER_SYNTAX: 0xc122,
  MISSING_ATTRIBUTE: 0xa900,
  INVALID_UID: 0xa900,
  UID_MISMATCH: 0xa900,
  PIXEL_DATA_SIZE: 0xa900,
  MALFORMED: 0xc000,
  PARSE_TIMEOUT: 0xc000,
  PARSE_MEMORY: 0xa700,
  CONFLICT: 0x0111,
  FOREIGN_STUDY: 0xc000,
  WRONG_CONTENT_TYPE: 0xc000,
  WRONG_STUDY: 0xa900,
};

const PARALLEL_INGESTS = 4;

export const BEARER_STOW_REFUSED = "a user's access token reads DICOMweb only (QIDO-RS, WADO-RS): images are sent by the site's PACS with its site token, or uploaded from the request page";

export async function handleStow(
  req: IncomingMessage,
  res: ServerResponse,
  context: { deps: ImageDeps; principal: DicomwebPrincipal; studyUid: string | null; baseUrl: string; maxRequestBytes: number },
): Promise<void> {
  const source = ingestSourceOf(context.principal);
  if (!source.ok) return sendError(res, source.status, source.message, source.headers);

  const contentType = parseContentType(req.headers["content-type"]);
  if (contentType?.mediaType !== "multipart/related") {
    return sendError(res, 415, 'STOW-RS expects Content-Type: multipart/related; type="application/dicom"; boundary=...');
  }
  const partType = contentType.params.type?.toLowerCase();
  if (partType && partType !== "application/dicom") {
    return sendError(res, 415, `only application/dicom parts are accepted (type="${partType}")`);
  }
  const boundary = contentType.params.boundary;
  if (!boundary) return sendError(res, 400, "multipart/related without a boundary parameter");
  const declaredLength = Number(req.headers["content-length"] ?? 0);
  if (declaredLength > context.maxRequestBytes) {
    return sendError(res, 413, `request body of ${declaredLength} bytes exceeds the ${context.maxRequestBytes}-byte limit`, { Connection: "close" });
  }

  const results: StowItem[] = [];
  const inFlight = new Set<Promise<void>>();
  let partNumber = 0;
  try {
    for await (const part of readMultipart(req, boundary, { maxPartBytes: context.deps.maxInstanceBytes, maxTotalBytes: context.maxRequestBytes })) {
      const number = ++partNumber;
      const type = parseContentType(part.headers["content-type"])?.mediaType ?? partType ?? "";
      if (type !== "application/dicom") {
        results.push({ part: number, outcome: failure("WRONG_CONTENT_TYPE", `part ${number}: content type "${type || "none"}" is not application/dicom`) });
        continue;
      }
      const task = ingestInstance(context.deps, source.value, part.body, { handOver: true }).then((outcome) => {
        results.push({ part: number, outcome: checkStudy(outcome, context.studyUid, number) });
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= PARALLEL_INGESTS) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    await Promise.allSettled(inFlight);
    if (error instanceof MultipartError) {
      // What was complete before the break is stored and stays stored; the sender may resend the rest.
      req.resume();
      return sendError(res, error.status, `${error.message} (${results.filter((r) => r.outcome.status !== "refused").length} instance(s) stored before it)`, { Connection: "close" });
    }
    throw error;
  }
  if (partNumber === 0) return sendError(res, 400, "the body holds no part");

  results.sort((a, b) => a.part - b.part);
  const storedItems = results.filter((r) => r.outcome.status !== "refused");
  const warned = storedItems.some((r) => r.outcome.status !== "refused" && (r.outcome.warnings?.length ?? 0) > 0);
  // PS3.18 10.5.3: 202 when some failed or were stored with warnings, 409 when none was stored.
  const status = storedItems.length === 0 ? 409 : storedItems.length === results.length && !warned ? 200 : 202;
  sendJson(res, status, stowResponse(results, context.baseUrl, context.studyUid));
}

interface StowItem {
  part: number;
  outcome: IngestOutcome | Failure;
}

interface Failure {
  status: "refused";
  code: keyof typeof FAILURE_REASON;
  message: string;
  sopInstanceUid: string | null;
  sopClassUid: string | null;
}

function failure(code: keyof typeof FAILURE_REASON, message: string): Failure {
  return { status: "refused", code, message, sopInstanceUid: null, sopClassUid: null };
}

function checkStudy(outcome: IngestOutcome, studyUid: string | null, part: number): IngestOutcome | Failure {
  if (outcome.status === "refused") return { ...outcome, message: `part ${part}: ${outcome.message}` };
  if (studyUid === null || outcome.studyInstanceUid === studyUid) return outcome;
  // Stored already: the archive holds it under its own study. The sender is told it did not belong here.
  return { ...failure("WRONG_STUDY", `part ${part}: instance belongs to study ${outcome.studyInstanceUid}, not ${studyUid}`), sopInstanceUid: outcome.sopInstanceUid, sopClassUid: outcome.sopClassUid };
}

type SourceResult = { ok: true; value: IngestSource } | { ok: false; status: number; message: string; headers?: Record<string, string> };

function ingestSourceOf(principal: DicomwebPrincipal): SourceResult {
  switch (principal.kind) {
    case "sender":
      return { ok: true, value: { channel: "STOW", siteId: principal.siteId, senderLabel: `${principal.label} (STOW-RS)`, actorId: null } };
    case "user": {
      const { actor } = principal;
      // A user's access token reads (an external viewer, a tool): images enter through a site's
      // PACS or the request page, where the upload is tied to a request (docs/interfaces-dicomweb.md).
      if (principal.via === "bearer") return { ok: false, status: 403, message: BEARER_STOW_REFUSED };
      // Images come from the site: its referrers (a disc brought by the patient) and radiographers.
      const siteId = staffSiteOf(actor);
      if (siteId) return { ok: true, value: { channel: "UPLOAD", siteId, senderLabel: actor.displayName, actorId: actor.id } };
      return { ok: false, status: 403, message: "only the staff of a requesting site send images" };
    }
    case "invalid-token":
      return { ok: false, status: 401, message: "unknown, revoked or malformed bearer token" };
    case "address-refused":
      return { ok: false, status: 403, message: addressRefusedMessage(principal.address) };
    case "anonymous":
      return { ok: false, status: 401, message: "authentication required (session cookie or bearer token)" };
    case "refused":
      return { ok: false, status: principal.status, message: principal.message, headers: principal.headers };
    default: {
      const unreachable: never = principal;
      return unreachable;
    }
  }
}

function stowResponse(results: StowItem[], baseUrl: string, studyUid: string | null): Record<string, unknown> {
  const referenced = results.flatMap(({ outcome }) =>
    outcome.status === "refused"
      ? []
      : [
          {
            "00081150": { vr: "UI", Value: [outcome.sopClassUid] },
            "00081155": { vr: "UI", Value: [outcome.sopInstanceUid] },
            "00081190": { vr: "UR", Value: [`${baseUrl}/studies/${outcome.studyInstanceUid}/series/${outcome.seriesInstanceUid}/instances/${outcome.sopInstanceUid}`] },
            ...(outcome.warnings?.length
              ? {
                  // Warning Reason B000 (Coercion of Data Elements), and what was coerced.
                  "00081196": { vr: "US", Value: [0xb000] },
                  "00000902": { vr: "LO", Value: [outcome.warnings.join("; ").slice(0, 512)] },
                }
              : {}),
          },
        ],
  );
  const failed = results.flatMap(({ outcome }) =>
    outcome.status !== "refused"
      ? []
      : [
          {
            ...(outcome.sopClassUid ? { "00081150": { vr: "UI", Value: [outcome.sopClassUid] } } : {}),
            ...(outcome.sopInstanceUid ? { "00081155": { vr: "UI", Value: [outcome.sopInstanceUid] } } : {}),
            "00081197": { vr: "US", Value: [FAILURE_REASON[outcome.code]] },
            // Not in PS3.18's response module, but what a site's IT team needs: which part and why.
            "00000902": { vr: "LO", Value: [outcome.message.slice(0, 512)] },
          },
        ],
  );
  const studies = new Set(results.flatMap(({ outcome }) => (outcome.status === "refused" ? [] : [outcome.studyInstanceUid])));
  const retrieveStudy = studyUid ?? (studies.size === 1 ? [...studies][0] : null);
  return {
    ...(retrieveStudy ? { "00081190": { vr: "UR", Value: [`${baseUrl}/studies/${retrieveStudy}`] } } : {}),
    ...(failed.length > 0 ? { "00081198": { vr: "SQ", Value: failed } } : {}),
    ...(referenced.length > 0 ? { "00081199": { vr: "SQ", Value: referenced } } : {}),
  };
}
