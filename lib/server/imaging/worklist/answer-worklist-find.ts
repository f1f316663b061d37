import "server-only";
import { CFindResponse, Dataset, type requests, type responses, Status } from "../dimse/dimse-library";
import { errorComment } from "../dimse/dimse-status";
import type { ImageDeps } from "../runtime/image-deps";
import { queryModalityWorklist, type WorklistCaller } from "./query-modality-worklist";
import type { NaturalDataset } from "./worklist-query";

// The DIMSE side of the Modality Worklist SCP (PS3.4 K.4.1.3): one Pending response per item,
// each with its identifier, then Success; Cancel (FE00) when the modality sent C-CANCEL before
// the answer was ready. dcmjs-dimse takes a request's responses in one call (its callback
// runs once), so the items go out together: a site's worklist is tens of items. Every refusal
// is a status with an Error Comment, never a dropped association: the scanner's log then says
// why its list is empty.

/** Failed: Identifier does not match SOP Class (PS3.4 C.4.1.1.4). */
export const IDENTIFIER_DOES_NOT_MATCH = 0xa900;
/** Failed: Unable to process (C000–CFFF). */
export const UNABLE_TO_PROCESS = 0xc001;
/** Refused: SOP Class not supported. */
export const SOP_CLASS_NOT_SUPPORTED = 0x0122;

export interface FindContext {
  deps: ImageDeps;
  /** Null outside an accepted association (never reached in practice: the library drops such a request). */
  caller: WorklistCaller | null;
  /** Whether the modality sent C-CANCEL for this request. */
  isCancelled: () => boolean;
  log: (line: string) => void;
}

/** Calls `respond` once, with every response of the request, the final one last. */
export async function answerWorklistFind(request: requests.CFindRequest, respond: (responses: responses.CFindResponse[]) => void, context: FindContext): Promise<void> {
  const answered: responses.CFindResponse[] = [];
  const final = (status: number, reason: string | null) => {
    const response = CFindResponse.fromRequest(request);
    response.setStatus(status);
    if (reason !== null) response.setErrorComment(errorComment(reason));
    // A failure after some items replaces them: the modality gets one clear answer.
    respond(status === Status.Success || status === Status.Cancel ? [...answered, response] : [response]);
  };
  const identifier = request.getDataset();
  if (!context.caller) {
    final(UNABLE_TO_PROCESS, "C-FIND outside an accepted association");
    return;
  }
  if (!identifier) {
    final(IDENTIFIER_DOES_NOT_MATCH, "C-FIND without an identifier");
    return;
  }
  const from = `${context.caller.callingAeTitle} at ${context.caller.address}`;
  let answer;
  try {
    answer = await queryModalityWorklist(context.deps.db, context.caller, identifier.getElements() as NaturalDataset);
  } catch (error) {
    context.log(`worklist query from ${from} failed: ${error instanceof Error ? error.message : String(error)}`);
    final(UNABLE_TO_PROCESS, "the worklist cannot be read right now");
    return;
  }
  if (!answer.ok) {
    context.log(`worklist query from ${from} refused: ${answer.reason}`);
    final(IDENTIFIER_DOES_NOT_MATCH, answer.reason);
    return;
  }
  const syntax = identifier.getTransferSyntaxUid();
  if (context.isCancelled()) {
    final(Status.Cancel, null);
    return;
  }
  for (const item of answer.items) {
    const dataset = new Dataset(item, syntax);
    try {
      // Encoded here once so that a value dcmjs cannot write fails this query, not the association.
      dataset.getDenaturalizedDataset();
    } catch (error) {
      context.log(`worklist item for ${from} not encodable: ${error instanceof Error ? error.message : String(error)}`);
      final(UNABLE_TO_PROCESS, "a worklist item could not be encoded");
      return;
    }
    const pending = CFindResponse.fromRequest(request);
    pending.setStatus(Status.Pending);
    pending.setDataset(dataset);
    answered.push(pending);
  }
  final(Status.Success, null);
}
