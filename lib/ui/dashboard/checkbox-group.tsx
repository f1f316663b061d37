"use client";

/** A fieldset of checkboxes over a fixed list of values; nothing ticked means "all". */
export function CheckboxGroup<T extends string>(props: {
  legend: string;
  hint?: string;
  testIdPrefix: string;
  choices: readonly { value: T; label: string; testId?: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
}) {
  const chosen = new Set<string>(props.value);
  const toggle = (value: T, on: boolean) => {
    // Kept in the choices' order, so the same selection always makes the same query.
    props.onChange(props.choices.map((choice) => choice.value).filter((candidate) => (candidate === value ? on : chosen.has(candidate))));
  };
  return (
    <fieldset className="dash-checkboxes">
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} className="dash-check">
          <input
            type="checkbox"
            checked={chosen.has(choice.value)}
            data-testid={choice.testId ?? `${props.testIdPrefix}-${choice.value}`}
            onChange={(event) => toggle(choice.value, event.target.checked)}
          />
          {choice.label}
        </label>
      ))}
      {props.hint && <p className="muted dash-note">{props.hint}</p>}
    </fieldset>
  );
}
