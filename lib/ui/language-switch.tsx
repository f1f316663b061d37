"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { LOCALES, isLocale } from "@/lib/i18n/types";
import { useChooseLanguage } from "./use-choose-language";

export const LANGUAGE_NAMES = { fr: "Français", en: "English" } as const;

/** The header's language choice; signed in, it is also saved on the profile. */
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const { locale, t } = useI18n();
  const language = useChooseLanguage(signedIn);
  return (
    <select
      aria-label={t("app.language")}
      value={locale}
      disabled={language.saving}
      onChange={(event) => {
        const next = event.target.value;
        if (isLocale(next)) language.choose(next);
      }}
    >
      {LOCALES.map((code) => (
        <option key={code} value={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}
