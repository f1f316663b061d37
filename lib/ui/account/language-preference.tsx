"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LOCALES, type Locale } from "@/lib/i18n/types";
import { useTRPC } from "@/lib/trpc/react";
import { LANGUAGE_NAMES } from "../language-switch";
import { useChooseLanguage } from "../use-choose-language";

/** The interface language saved on the profile: applied at every sign-in, on any workstation. */
export function LanguagePreference() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const saved = useQuery(trpc.myAccount.language.queryOptions());
  const language = useChooseLanguage(true);
  const [picked, setPicked] = useState<Locale | null>(null);
  const current = picked ?? saved.data?.language ?? locale;

  function submit(event: FormEvent) {
    event.preventDefault();
    language.choose(current);
  }

  return (
    <section className="panel" data-testid="language-preference">
      <h2>{t("account.mine.languageTitle")}</h2>
      <p className="muted">{t("account.mine.languageIntro")}</p>
      <form onSubmit={submit}>
        <fieldset aria-label={t("app.language")} style={{ border: "none", padding: 0, margin: "0 0 0.5rem" }}>
          {LOCALES.map((code) => (
            <label key={code}>
              <input type="radio" name="uiLanguage" value={code} checked={current === code} onChange={() => setPicked(code)} />
              {LANGUAGE_NAMES[code]}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={language.saving || saved.isPending}>
          {t("account.mine.languageSave")}
        </button>
        <p className="muted" role="status" data-testid="language-saved">
          {language.failed
            ? t("errors.unknown")
            : saved.data?.language
              ? t("account.mine.languageSaved", { language: LANGUAGE_NAMES[saved.data.language] })
              : saved.data
                ? t("account.mine.languageNone")
                : ""}
        </p>
      </form>
    </section>
  );
}
