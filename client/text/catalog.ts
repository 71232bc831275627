// Looks up catalog messages and fills their placeholders; the only place that knows which
// language is active, so screens ask for a key and never hold words themselves.
// Placeholders: {name} is replaced by a parameter; {name, plural, one {# token} other {# tokens}}
// picks a form by the language's plural rules (Intl.PluralRules), with # standing for the
// number — so "1 token" and "2 tokens" come from one message, and a language with more forms
// (Polish, Arabic…) adds its own cases (few, many…) without a code change.
import { debriefEn } from "./debrief-en.js";
import { en as general } from "./en.js";
import { tableEn } from "./table-en.js";

/** The English catalog: the general messages, the debrief's and the table's (each in its own file). */
const en = { ...general, ...debriefEn, ...tableEn } as const;
export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

const active: Catalog = en;
const locale = "en";
const pluralRules = new Intl.PluralRules(locale);
const numbers = new Intl.NumberFormat(locale);

/** Index of the "}" closing the "{" at `open`, counting nested braces; -1 if unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** The chosen case of a plural block's body: "one {# token} other {# tokens}". */
function pluralCase(body: string, value: number): string | undefined {
  const cases = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const end = closing(body, open);
    if (end < 0) break;
    cases.set(body.slice(i, open).trim(), body.slice(open + 1, end));
    i = end + 1;
  }
  return cases.get(`=${value}`) ?? cases.get(pluralRules.select(value)) ?? cases.get("other");
}

export function format(template: string, params: MessageParams = {}): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) break;
    const end = closing(template, open);
    if (end < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, end);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) {
      const [, name = "", body = ""] = plural;
      const value = Number(params[name]);
      const chosen = name in params && Number.isFinite(value) ? pluralCase(body, value) : undefined;
      out += chosen === undefined ? template.slice(open, end + 1) : format(chosen.replaceAll("#", numbers.format(value)), params);
    } else {
      const name = inner.trim();
      out += /^\w+$/.test(name) && name in params ? String(params[name]) : template.slice(open, end + 1);
    }
    i = end + 1;
  }
  return out + template.slice(i);
}

export function t(key: MessageKey, params?: MessageParams): string {
  return format(active[key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(active, key);
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
