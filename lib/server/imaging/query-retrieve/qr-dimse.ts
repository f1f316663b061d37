import "server-only";
import dimse from "dcmjs-dimse";
// Loaded for its process-wide settings (log level, implementation UID, command encoding).
import "../dimse/dimse-library";

// The parts of dcmjs-dimse that query/retrieve uses beyond the C-STORE SCP's.

export const { CFindResponse, CMoveResponse, CGetResponse, CStoreResponse } = dimse.responses;
export const { CStoreRequest } = dimse.requests;
export const { Association } = dimse.association;
export type { requests, responses } from "dcmjs-dimse";
