"use client";

/** A number that may be left empty (undefined in the definition, so absent from the JSON). */
export function OptionalNumberInput(props: { id: string; value: number | undefined; integer?: boolean; invalid: boolean; describedBy?: string; onChange: (value: number | undefined) => void }) {
  return (
    <input
      id={props.id}
      type="number"
      inputMode="decimal"
      step={props.integer ? 1 : "any"}
      value={props.value ?? ""}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(e.target.value === "" || Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber)}
    />
  );
}
