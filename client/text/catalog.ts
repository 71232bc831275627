// Looks up catalog messages and fills their {placeholders}; the only place that knows
// which language is active, so screens ask for a key and never hold words themselves.
import { debriefEn } from "./debrief-en.js";
import { en as general } from "./en.js";

/** The English catalog: the general messages and the debrief's (kept in its own file). */
const en = { ...general, ...debriefEn } as const;
export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

const active: Catalog = en;

export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: MessageKey, params?: MessageParams): string {
  return format(active[key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(active, key);
}

/** Fills every element marked `data-text="key"` below `root` with its message. */
export function applyText(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>("[data-text]")) {
    const key = element.dataset.text ?? "";
    if (isMessageKey(key)) element.textContent = t(key);
    else console.warn(`Missing message for data-text="${key}"`);
  }
}

/**
 * A server rejection in the active language: looked up by its code; the server's English
 * detail (e.g. "(The trip costs 4; you have 2.)") is kept when the catalog is English.
 */
export function rejectionText(code: string, serverMessage = ""): string {
  const key = `rejection.${code}`;
  if (!isMessageKey(key)) return serverMessage || t("rejection.bad-input");
  const base = t(key);
  const english = en[key];
  const detail = serverMessage.startsWith(english) ? serverMessage.slice(english.length).trim() : "";
  return detail ? `${base} ${detail}` : base;
}
