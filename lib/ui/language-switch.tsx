"use client";

import { useRouter } from "next/navigation";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LOCALE_COOKIE, LOCALES, isLocale } from "@/lib/i18n/types";

const NAMES = { fr: "Français", en: "English" } as const;

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  return (
    <select
      aria-label={t("app.language")}
      value={locale}
      onChange={(event) => {
        const next = event.target.value;
        if (!isLocale(next)) return;
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      {LOCALES.map((code) => (
        <option key={code} value={code}>
          {NAMES[code]}
        </option>
      ))}
    </select>
  );
}
