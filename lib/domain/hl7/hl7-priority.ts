import type { Priority } from "../enums";
import { type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import { firstSegment, type Hl7Tree, valueOf } from "./hl7-tree";

// The order's priority (HL7 table 0485), read from TQ1-9 (v2.5.1), else the deprecated
// quantity/timing OBR-27.6 or ORC-7.6 that older RIS still fill. STAT is a vital emergency, ASAP
// urgent, routine routine. No priority at all is routine: the volet's own example has none.

const PRIORITY_CODES: Record<string, Priority> = { S: "VITAL", A: "URGENT", R: "ROUTINE" };

export function readPriority(tree: Hl7Tree): { priority: Priority; problems: Hl7Problem[] } {
  const candidates = [
    { segment: "TQ1", field: 9, component: 1, value: valueOf(firstSegment(tree, "TQ1"), 9, 1) },
    { segment: "OBR", field: 27, component: 6, value: valueOf(firstSegment(tree, "OBR"), 27, 6) },
    { segment: "ORC", field: 7, component: 6, value: valueOf(firstSegment(tree, "ORC"), 7, 6) },
  ];
  const given = candidates.find((candidate) => candidate.value !== "");
  if (!given) return { priority: "ROUTINE", problems: [] };
  const priority = PRIORITY_CODES[given.value.toUpperCase()];
  if (priority) return { priority, problems: [] };
  return {
    priority: "ROUTINE",
    problems: [problem(E.TABLE_VALUE_NOT_FOUND, `priorité « ${given.value} » inconnue : S (vitale), A (urgente) ou R (programmée)`, { segment: given.segment, field: given.field, component: given.component })],
  };
}
