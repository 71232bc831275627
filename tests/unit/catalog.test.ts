// The message catalog: placeholders are filled, plural forms come from Intl.PluralRules
// ("1 token", "2 tokens"), and every English message that counts something says it right
// for one and for many.
import { describe, expect, it } from "vitest";
import { format, t } from "../../client/text/catalog.js";
import { en } from "../../client/text/en.js";

describe("format", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(format("Hello {name}, code {code}", { name: "Ana" })).toBe("Hello Ana, code {code}");
  });

  it("picks the plural form for the number, # standing for it", () => {
    const message = "{n, plural, one {# token} other {# tokens}}";
    expect(format(message, { n: 1 })).toBe("1 token");
    expect(format(message, { n: 0 })).toBe("0 tokens");
    expect(format(message, { n: 2 })).toBe("2 tokens");
    expect(format(message, { n: 1500 })).toBe("1,500 tokens");
  });

  it("prefers an exact =N case, and fills placeholders inside a form", () => {
    const message = "{n, plural, =0 {nobody from {city}} one {# delegate from {city}} other {# delegates from {city}}}";
    expect(format(message, { n: 0, city: "Lima" })).toBe("nobody from Lima");
    expect(format(message, { n: 1, city: "Lima" })).toBe("1 delegate from Lima");
    expect(format(message, { n: 3, city: "Lima" })).toBe("3 delegates from Lima");
  });
});

describe("the English catalog", () => {
  it("never says '1 tokens' or 'Up to 1 delegates'", () => {
    expect(t("table.tokens", { tokens: 1 })).toBe("1 token");
    expect(t("table.tokens", { tokens: 4 })).toBe("4 tokens");
    expect(t("role.delegates", { count: 1 })).toBe("One delegate");
    expect(t("role.delegates", { count: 3 })).toBe("Up to 3 delegates");
  });

  it("has a plural form wherever a number is followed by a countable word", () => {
    // "{amount} tokens" with a bare placeholder would say "1 tokens" one day.
    const bare = Object.entries(en).filter(([, text]) => /\{\w+\}\s+(tokens|delegates|comments|players|students|minutes|seconds|messages|rounds)\b/.test(text));
    expect(bare.map(([key]) => key)).toEqual([]);
  });
});
