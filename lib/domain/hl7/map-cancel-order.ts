import { type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import { firstSegment, type Hl7Tree, valueOf } from "./hl7-tree";
import { readPlacerOrderNumber } from "./map-new-order";

// ORM^O01 with ORC-1 = CA (volet flow 2): cancel the order ORC-2 names. The reason travels in
// ORC-16 (a local code in CE-1/CE-3 or free text in CE-2); the request's timeline needs one.

export interface CancelOrder {
  placerOrderNumber: string;
  reason: string;
}

export const DEFAULT_CANCEL_REASON = "Demande annulée par le RIS du site";

export function mapCancelOrder(tree: Hl7Tree): { order: CancelOrder | null; problems: Hl7Problem[] } {
  const orc = firstSegment(tree, "ORC");
  if (!orc) return { order: null, problems: [problem(E.SEGMENT_SEQUENCE, "segment ORC absent", { segment: "ORC" })] };
  const placer = readPlacerOrderNumber(tree);
  if (placer.problems.length > 0) return { order: null, problems: placer.problems };
  const reason = (valueOf(orc, 16, 2) || valueOf(orc, 16, 1) || DEFAULT_CANCEL_REASON).slice(0, 2000);
  return { order: { placerOrderNumber: placer.placerOrderNumber, reason }, problems: [] };
}
