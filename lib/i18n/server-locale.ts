import "server-only";
import { cookies } from "next/headers";
import { createTranslator, type Translate } from "./translate";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./types";

/** French by default; English when the user picked it with the language switch (cookie). */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: createTranslator(locale) };
}
