import "server-only";
import { LOCALE_COOKIE } from "@/lib/i18n/types";
import type { Db } from "../db/client";
import { profileLanguage } from "../services/my-account/get-own-language";

/**
 * At sign-in, the language saved on the profile becomes the browser's (the same cookie the
 * language switch writes), so a radiologist who works in English finds English on any
 * workstation. No saved language: the browser keeps what it had.
 */
export async function withProfileLanguage(response: Response, db: Db, userId: string): Promise<Response> {
  const language = await profileLanguage(db, userId);
  if (language === null) return response;
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", `${LOCALE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
