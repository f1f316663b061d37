import { type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import type { SupportedMessage } from "./read-message-header";
import { firstSegment, type Hl7Tree, valueOf } from "./hl7-tree";

// What a supported message asks for, from its type and ORC-1: a new order (NW), its
// cancellation (CA), or the post-exam information (OMI^O23; the volet's examples send SC or SR,
// IHE sends NW: any of them).

export type InboundAction = "NEW_ORDER" | "CANCEL_ORDER" | "POST_EXAM";

export function inboundActionOf(tree: Hl7Tree, message: SupportedMessage): { action: InboundAction | null; orderControl: string; problems: Hl7Problem[] } {
  const orderControl = valueOf(firstSegment(tree, "ORC"), 1, 1).toUpperCase();
  if (!firstSegment(tree, "ORC")) return { action: null, orderControl, problems: [problem(E.SEGMENT_SEQUENCE, "segment ORC absent", { segment: "ORC" })] };
  if (message === "OMI^O23") {
    if (["NW", "SC", "SR", "XO"].includes(orderControl)) return { action: "POST_EXAM", orderControl, problems: [] };
  } else if (orderControl === "NW") return { action: "NEW_ORDER", orderControl, problems: [] };
  else if (orderControl === "CA") return { action: "CANCEL_ORDER", orderControl, problems: [] };
  const expected = message === "OMI^O23" ? "NW, SC ou SR" : "NW ou CA";
  const code = orderControl ? E.TABLE_VALUE_NOT_FOUND : E.REQUIRED_FIELD_MISSING;
  return { action: null, orderControl, problems: [problem(code, `code de contrôle de la demande « ${orderControl} » non pris en charge : ${expected} attendu`, { segment: "ORC", field: 1 })] };
}
