"use client";

import { formatCalendarDate, parseTypedDate } from "@/lib/domain/calendar-date";
import { useI18n } from "@/lib/i18n/i18n-provider";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date typed day first (jj/mm/aaaa in French, dd/mm/yyyy in English). The browser's own
 * date input follows the browser's language, not the interface's: a French interface showed
 * mm/dd/yyyy, and a birth date typed 02/03 became the 3rd of February.
 *
 * `value` and `onChange` speak "YYYY-MM-DD" once the text is a real date; until then they
 * carry the text as typed, so the form's validation names it an invalid date.
 */
export function DateField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
  autoComplete?: string;
}) {
  const { t, locale } = useI18n();
  const shown = ISO_DATE.test(props.value) ? formatCalendarDate(props.value, locale) : props.value;
  return (
    <input
      id={props.id}
      name={props.id}
      type="text"
      inputMode="numeric"
      autoComplete={props.autoComplete ?? "off"}
      placeholder={t("form.datePlaceholder")}
      title={t("form.datePlaceholder")}
      maxLength={10}
      data-testid={props.testId}
      value={shown}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(event) => props.onChange(parseTypedDate(event.target.value) ?? event.target.value)}
    />
  );
}
