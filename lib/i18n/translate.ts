import { en } from "./messages/en";
import { fr } from "./messages/fr";
import type { Locale, MessageKey, Messages } from "./types";

export const CATALOGUES: Record<Locale, Messages> = { fr, en };

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** Looks a key up (dynamic keys such as `status.${status}` included); falls back to the key. */
export function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  return (key, params) => interpolate(lookup(messages, key) ?? key, params);
}

function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
