"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";

/** A labelled form control with its error message, wired for screen readers and tests. */
export function FormField(props: { name: string; label: MessageKey; error?: string | undefined; wide?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  const errorId = `${props.name}-error`;
  return (
    <div className={props.wide ? "wide" : undefined} data-field={props.name}>
      <label htmlFor={props.name}>{t(props.label)}</label>
      {props.children}
      {props.error && (
        <div id={errorId} className="field-error" role="alert" data-testid={`error-${props.name}`}>
          {t(props.error as MessageKey)}
        </div>
      )}
    </div>
  );
}

export function SelectControl(props: {
  name: string;
  value: string;
  options: readonly string[];
  optionLabel: (value: string) => string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <select
      id={props.name}
      name={props.name}
      value={props.value}
      aria-invalid={props.invalid}
      aria-describedby={props.invalid ? `${props.name}-error` : undefined}
      onChange={(e) => props.onChange(e.target.value)}
    >
      <option value="">{t("form.choose")}</option>
      {props.options.map((option) => (
        <option key={option} value={option}>
          {props.optionLabel(option)}
        </option>
      ))}
    </select>
  );
}
