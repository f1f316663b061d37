import "server-only";
import dimse from "dcmjs-dimse";

// The one place that loads dcmjs-dimse and sets its process-wide defaults. The package is a
// CommonJS bundle: Node's ESM loader only exposes it as a default export.

import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from "@/lib/dicom/part10-from-dataset";

export { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME };

// At its default level the library logs every PDU (and can log whole datasets) on the event loop.
dimse.log.setLevel("error");
dimse.Implementation.setImplementationClassUid(IMPLEMENTATION_CLASS_UID);
dimse.Implementation.setImplementationVersion(IMPLEMENTATION_VERSION_NAME);

export const { Scp, Dataset } = dimse;
export const { CEchoResponse, CStoreResponse } = dimse.responses;
export const { PresentationContextResult, RejectReason, RejectResult, RejectSource, Status } = dimse.constants;
export type { association, requests, responses } from "dcmjs-dimse";
