// The one place that knows which language this device shows: screens ask for a key and never
// hold words themselves. Messages are ICU MessageFormat — {name}, {n, plural, one {# token}
// other {# tokens}}, {kind, select, …}, {n, number} — chosen by each language's own plural
// rules (Intl.PluralRules), so "1 token" and "2 tokens" come from one message and a language
// with more forms adds its cases without a code change. Lingui runs them; the catalogs are
// compiled at build time (scripts/messages-plugin.ts), so no message parser reaches a phone, and
// each language is its own chunk, fetched when a device first shows it.
/// <reference path="./messages.d.ts" />
import { setupI18n } from "@lingui/core";
import { DEFAULT_LANGUAGE, type Language } from "./languages.js";
import type { messages as english } from "./languages/en.js";

export type MessageKey = keyof typeof english;
export type MessageParams = Readonly<Record<string, string | number>>;
type Compiled = Awaited<typeof import("virtual:messages/en")>["default"];

// One import() per language, written out so the bundler makes each its own chunk.
const loaders: Record<Language, () => Promise<{ default: Compiled }>> = {
  en: () => import("virtual:messages/en"),
  es: () => import("virtual:messages/es"),
  "pt-BR": () => import("virtual:messages/pt-BR"),
  fr: () => import("virtual:messages/fr"),
  de: () => import("virtual:messages/de"),
};

const i18n = setupI18n();
const loaded = new Map<Language, Compiled>();
const listeners = new Set<(language: Language) => void>();
let active: Language | undefined;

/** Loads a language's catalog (once) and shows every later message in it. */
export async function setLanguage(language: Language): Promise<void> {
  let messages = loaded.get(language);
  if (!messages) {
    messages = (await loaders[language]()).default;
    loaded.set(language, messages);
  }
  if (active === language) return;
  i18n.loadAndActivate({ locale: language, messages });
  active = language;
  for (const listener of listeners) listener(language);
}

/** The language on screen; the default until the first catalog has arrived. */
export function currentLanguage(): Language {
  return active ?? DEFAULT_LANGUAGE;
}

/** Called after every change of language (to draw the screen again); returns its remover. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function t(key: MessageKey, params?: MessageParams): string {
  if (!active) throw new Error(`t("${key}") before any language was loaded: await setLanguage() first.`);
  return i18n._(key, params);
}

export function isMessageKey(key: string): key is MessageKey {
  return active !== undefined && Object.hasOwn(i18n.messages, key);
}

/**
 * A server refusal in this device's language, from its wire code and its values (a trip's
 * cost, the tokens held…); never from the server's English sentence, which is for logs.
 */
export function rejectionText(code: string, params?: MessageParams): string {
  const key = `rejection.${code}`;
  if (!isMessageKey(key)) return t("rejection.bad-input");
  const detail = `${key}.detail`;
  return params && isMessageKey(detail) ? `${t(key)} ${t(detail, params)}`.trim() : t(key);
}

/** 1,500 · 1.500 · 1 500: a number as this language writes it. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLanguage(), options).format(value);
}

/** "A, B and C" · "A, B y C": a list joined as this language joins it. */
export function formatList(items: readonly string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(currentLanguage(), { style: "long", type }).format(items);
}

/** A date and time as this language writes it. */
export function formatDateTime(value: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat(currentLanguage(), options).format(value);
}

/** "English" for "en", in the active language; the tag itself when the browser cannot name it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
