"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CRITICAL_CATEGORIES, type CriticalCategory } from "@/lib/domain/enums";
import { CRITICAL_DESCRIPTION_MAX } from "@/lib/domain/reports/critical-findings";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage, FieldError } from "../workflow/act-message";
import { useCriticalAct } from "./use-critical-act";

/** The holder flags a finding: its communication category (ACR), explained, and what it is. */
export function CriticalFlagForm(props: { requestId: string; ackMinutes: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [category, setCategory] = useState<CriticalCategory>("MINUTES");
  const [description, setDescription] = useState("");
  const act = useCriticalAct(props.requestId);
  const flag = useMutation(
    trpc.critical.flag.mutationOptions({
      ...act.callbacks,
      onSuccess: () => {
        setDescription("");
        act.notice("critical.flag.done");
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!flag.isPending) flag.mutate({ requestId: props.requestId, category, description });
  }

  return (
    <form onSubmit={onSubmit} className="act-form" data-testid="critical-flag-form">
      <h3>{t("critical.flag.title")}</h3>
      <div>
        <label htmlFor="critical-category">{t("critical.flag.category")}</label>
        <select id="critical-category" data-testid="critical-category" value={category} aria-describedby="critical-category-hint" onChange={(e) => setCategory(e.target.value as CriticalCategory)}>
          {CRITICAL_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(`critical.categories.${value}`)}
            </option>
          ))}
        </select>
        <p id="critical-category-hint" className={category === "MINUTES" ? "warning" : "muted"} style={{ margin: "0.3rem 0 0", fontSize: "0.85rem" }}>
          {t(`critical.categoryHints.${category}`, { minutes: props.ackMinutes })}
        </p>
        <FieldError feedback={act.feedback} field="category" />
      </div>
      <div>
        <label htmlFor="critical-description">{t("critical.flag.description")}</label>
        <textarea
          id="critical-description"
          data-testid="critical-description"
          value={description}
          maxLength={CRITICAL_DESCRIPTION_MAX}
          placeholder={t("critical.flag.placeholder")}
          onChange={(e) => setDescription(e.target.value)}
        />
        <span className="muted" style={{ fontSize: "0.8rem" }}>
          {t("critical.flag.characters", { count: description.length, max: CRITICAL_DESCRIPTION_MAX })}
        </span>
        <FieldError feedback={act.feedback} field="description" />
      </div>
      <button type="submit" data-testid="critical-flag-submit" disabled={flag.isPending || description.trim().length === 0}>
        {flag.isPending ? t("critical.flag.submitting") : t("critical.flag.submit")}
      </button>
      <ActMessage feedback={act.feedback} testId="critical-flag-message" />
    </form>
  );
}
