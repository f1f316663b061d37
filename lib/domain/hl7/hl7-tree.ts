// A received HL7 v2 message as plain data, once the parser (lib/hl7/parse-hl7-message.ts) has
// split and unescaped it: segments, fields, repetitions, components, subcomponents. The mapping
// rules read this shape only, so they stay pure and testable without the parser.

/** Subcomponents of one component (most components have one). */
export type Hl7Component = string[];
/** Components of one repetition of a field. */
export type Hl7Repetition = Hl7Component[];
/** Repetitions of a field (empty when the field is empty). */
export type Hl7Field = Hl7Repetition[];

export interface Hl7Segment {
  name: string;
  /** fields[n] is field n (1-based; fields[0] unused). For MSH, fields[1] is MSH-1 (the field separator). */
  fields: Hl7Field[];
}

export interface Hl7Tree {
  segments: Hl7Segment[];
}

/** A component's text (1-based field, component, subcomponent; first repetition unless told). */
export function valueOf(segment: Hl7Segment | undefined, field: number, component = 1, subcomponent = 1, repetition = 0): string {
  return segment?.fields[field]?.[repetition]?.[component - 1]?.[subcomponent - 1]?.trim() ?? "";
}

export function repetitionsOf(segment: Hl7Segment | undefined, field: number): Hl7Repetition[] {
  return segment?.fields[field] ?? [];
}

/** A component of one repetition. */
export function componentOf(repetition: Hl7Repetition | undefined, component: number, subcomponent = 1): string {
  return repetition?.[component - 1]?.[subcomponent - 1]?.trim() ?? "";
}

export function firstSegment(tree: Hl7Tree, name: string): Hl7Segment | undefined {
  return tree.segments.find((segment) => segment.name === name);
}

export function segmentsNamed(tree: Hl7Tree, name: string): Hl7Segment[] {
  return tree.segments.filter((segment) => segment.name === name);
}

/** A field's text as the sender wrote it, components joined with ^ (for messages and logs). */
export function fieldText(segment: Hl7Segment | undefined, field: number): string {
  const repetitions = repetitionsOf(segment, field);
  return repetitions.map((repetition) => repetition.map((component) => component.join("&")).join("^").replace(/\^+$/, "")).join("~");
}
