// The languages the game speaks, and which one a device starts in. No messages here (each
// language's words are their own chunk, loaded by catalog.ts), so the start page can read it
// before any catalog arrives. Adding a language: its entry below, its catalog in
// languages/<code>.ts, and its loader in catalog.ts; the catalog test then names every key
// still missing.

export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "es", name: "Español" },
  { code: "pt-BR", name: "Português (Brasil)" },
  { code: "fr", name: "Français" },
  { code: "de", name: "Deutsch" },
] as const;

export type Language = (typeof LANGUAGES)[number]["code"];
export const DEFAULT_LANGUAGE: Language = "en";

export function isLanguage(code: string): code is Language {
  return LANGUAGES.some((language) => language.code === code);
}

/** Each language's own name for itself: the picker lists languages as their speakers know them. */
export function languageName(code: Language): string {
  return LANGUAGES.find((language) => language.code === code)?.name ?? code;
}

/**
 * The first of the browser's preferred languages (navigator.languages) that the game speaks:
 * an exact tag first ("pt-BR"), then the same language in another region ("es-MX" → "es",
 * "pt-PT" → "pt-BR"); English when none matches.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const exact = LANGUAGES.find((language) => language.code.toLowerCase() === tag.toLowerCase());
    if (exact) return exact.code;
    const base = tag.split("-")[0]?.toLowerCase();
    const sameLanguage = LANGUAGES.find((language) => language.code.split("-")[0]?.toLowerCase() === base);
    if (sameLanguage) return sameLanguage.code;
  }
  return DEFAULT_LANGUAGE;
}
