import { componentOf, type Hl7Segment, type Hl7Tree, repetitionsOf, valueOf } from "./hl7-tree";

// The OBX segments of an order, each with its place among the message's OBX (ERR-2 names
// "OBX[3]") so a refused value points at the segment the interface engineer must look at.

export interface Observation {
  /** 1-based among the message's OBX segments. */
  sequence: number;
  segment: Hl7Segment;
  /** OBX-3.1, upper case. */
  code: string;
  /** OBX-4 (the volet's n.1 / n.2 sub-ids). */
  subId: string;
  /** OBX-5.1: the value's code (CE) or its text (TX, FT, NM, ST). */
  value: string;
  /** OBX-5.2: a coded value's display text. */
  valueText: string;
  /** OBX-6.1. */
  units: string;
}

export function observationsOf(tree: Hl7Tree): Observation[] {
  return tree.segments
    .filter((segment) => segment.name === "OBX")
    .map((segment, index) => {
      // Text values may repeat (FT over several repetitions): joined by line.
      const texts = repetitionsOf(segment, 5).map((repetition) => componentOf(repetition, 1)).filter(Boolean);
      return {
        sequence: index + 1,
        segment,
        code: valueOf(segment, 3, 1).toUpperCase(),
        subId: valueOf(segment, 4, 1),
        value: texts.join("\n"),
        valueText: valueOf(segment, 5, 2),
        units: valueOf(segment, 6, 1) || valueOf(segment, 6, 2),
      };
    });
}

export function observationsCoded(observations: readonly Observation[], ...codes: string[]): Observation[] {
  return observations.filter((observation) => codes.includes(observation.code));
}

/** The volet's sub-id rule: n.1 is the main item, n.2 its precision (a missing sub-id counts as n.1). */
export function subIdPart(observation: Observation): number {
  const part = /^\d+\.(\d+)$/.exec(observation.subId)?.[1];
  return part ? Number(part) : 1;
}

/** A coded value as a reader wants it: its text, else its code. */
export function displayOf(observation: Observation): string {
  return observation.valueText || observation.value;
}
