// The message catalogs: every language has exactly the English keys with the same values to
// fill, every key is used by some screen, no screen writes an English word outside the
// catalogs, and the ICU messages count right in each language ("1 token", "2 tokens").
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileMessageOrThrow, type CompiledMessage } from "@lingui/message-utils/compileMessage";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { rejectionText, setLanguage, t } from "../../client/text/catalog.js";
import { LANGUAGES, pickLanguage } from "../../client/text/languages.js";
import { GAME_TERMS } from "../../client/text/glossary-en.js";
import { messages as english } from "../../client/text/languages/en.js";
import { BOT_LINES_EN } from "../../shared/bots/lines.js";
import { REJECTION_PARAMS, REJECTIONS } from "../../shared/rules/rejections.js";
import { exportsEn } from "../../server/text/en.js";
import { EXPORT_CATALOGS, REUSED_KEYS } from "../../server/text/words.js";
import { format } from "../helpers/messages.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) yield full;
  }
}

/** The values a message fills: {name}, {n, plural, …}, {kind, select, …}, nested ones too. */
function argumentsOf(message: CompiledMessage, into = new Set<string>()): Set<string> {
  for (const token of message) {
    if (typeof token === "string") continue;
    const [name, , choices] = token;
    into.add(name);
    if (choices && typeof choices === "object") {
      for (const [key, value] of Object.entries(choices)) if (key !== "offset" && Array.isArray(value)) argumentsOf(value as CompiledMessage, into);
    }
  }
  return into;
}

const catalogs = await Promise.all(
  LANGUAGES.map(async ({ code }) => ({ code, messages: ((await import(`../../client/text/languages/${code}.ts`)) as { messages: Record<string, string> }).messages })),
);

describe("every language's catalog", () => {
  const englishKeys = Object.keys(english).sort();

  it.each(catalogs)("$code has exactly the English keys, none missing and none extra", ({ messages }) => {
    const keys = new Set(Object.keys(messages));
    expect({ missing: englishKeys.filter((k) => !keys.has(k)), extra: [...keys].filter((k) => !(k in english)).sort() }).toEqual({ missing: [], extra: [] });
  });

  it.each(catalogs)("$code messages are valid ICU and fill the same values as the English", ({ messages }) => {
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(messages)) {
      const reference = english[key as keyof typeof english];
      if (reference === undefined) continue;
      const mine = [...argumentsOf(compileMessageOrThrow(text))].sort().join(",");
      const theirs = [...argumentsOf(compileMessageOrThrow(reference))].sort().join(",");
      if (mine !== theirs) wrong.push(`${key}: {${mine}} instead of {${theirs}}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(catalogs.filter((c) => c.code !== "en"))("$code explains every term of the game's glossary in its own words, none left in English", ({ messages }) => {
    const glossaryKeys = Object.keys(english).filter((key) => key.startsWith("glossary.meaning."));
    expect(glossaryKeys.length).toBeGreaterThanOrEqual(GAME_TERMS.length);
    expect(glossaryKeys.filter((key) => messages[key] === (english as Record<string, string>)[key])).toEqual([]);
  });

  it.each(catalogs)("$code has no ASCII apostrophe before a brace or #, where ICU would start quoting", ({ messages }) => {
    // "l'{option}" would print "l{option}" verbatim: write ’ (or '' for a literal ').
    expect(Object.entries(messages).filter(([, text]) => /(?<!')'[{}#]/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it("words every line a bot says by code, in the bots' own English, variant by variant (shared/bots/lines.ts)", () => {
    const messages: Readonly<Record<string, string>> = english;
    const lines = Object.entries(BOT_LINES_EN).flatMap(([key, variants]) => variants.map((text, variant) => [`bot.${key}.${variant}`, text] as const));
    for (const [key, text] of lines) expect(messages[key], key).toBe(text);
    expect(Object.keys(english).filter((key) => key.startsWith("bot.")).sort()).toEqual(lines.map(([key]) => key).sort());
  });

  it("has a message for every refusal code, and a detail for every code that carries values", () => {
    for (const code of Object.keys(REJECTIONS)) expect(english).toHaveProperty([`rejection.${code}`]);
    for (const code of Object.keys(REJECTION_PARAMS)) expect(english).toHaveProperty([`rejection.${code}.detail`]);
  });
});

/** String literals and the static shape of template literals in the client's code (or in `files`). */
function clientStrings(files?: readonly string[]): { literals: Set<string>; templates: RegExp[] } {
  const literals = new Set<string>();
  const templates: RegExp[] = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Catalog data is not use: only code that asks for a key counts.
  const isCatalog = (file: string) => /client[\\/]text[\\/](?!catalog\.ts$|languages\.ts$)/.test(file);
  for (const file of files ?? sources(path.join(root, "client"))) {
    if (isCatalog(file) || file.endsWith("vite.config.ts")) continue;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
      else if (ts.isTemplateExpression(node)) {
        const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
        if (parts.join("").length >= 4) templates.push(new RegExp(`^${parts.map(escape).join(".+")}$`));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  if (!files) for (const match of readFileSync(path.join(root, "client/index.html"), "utf8").matchAll(/data-text="([^"]+)"/g)) literals.add(match[1]!);
  return { literals, templates };
}

describe("the English catalog", () => {
  it("has no key that no screen asks for", () => {
    const { literals, templates } = clientStrings();
    const unused = Object.keys(english).filter((key) => !literals.has(key) && !templates.some((pattern) => pattern.test(key)));
    expect(unused).toEqual([]);
  });

  it("has a plural form wherever a number is followed by a countable word", () => {
    // "{amount} tokens" with a bare placeholder would say "1 tokens" one day.
    const bare = Object.entries(english).filter(([, text]) => /\{\w+\}\s+(tokens|delegates|comments|players|students|minutes|seconds|messages|rounds|events)\b/.test(text));
    expect(bare.map(([key]) => key)).toEqual([]);
  });
});

// The teacher's exports (printable summary, spreadsheet) are worded on the server, from its own
// small catalog (server/text) plus messages of the game's catalogs it names in REUSED_KEYS.
describe("the exports' catalog", () => {
  const englishKeys = Object.keys(exportsEn).sort();
  const exportCatalogs = LANGUAGES.map(({ code }) => ({ code, messages: EXPORT_CATALOGS[code] as Record<string, string> }));

  it.each(exportCatalogs)("$code has exactly the English keys, valid ICU filling the same values, no quoting apostrophe", ({ messages }) => {
    const keys = new Set(Object.keys(messages));
    expect({ missing: englishKeys.filter((k) => !keys.has(k)), extra: [...keys].filter((k) => !(k in exportsEn)).sort() }).toEqual({ missing: [], extra: [] });
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(messages)) {
      const mine = [...argumentsOf(compileMessageOrThrow(text))].sort().join(",");
      const theirs = [...argumentsOf(compileMessageOrThrow(exportsEn[key as keyof typeof exportsEn]))].sort().join(",");
      if (mine !== theirs) wrong.push(`${key}: {${mine}} instead of {${theirs}}`);
    }
    expect(wrong).toEqual([]);
    expect(Object.entries(messages).filter(([, text]) => /(?<!')'[{}#]/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it.each(exportCatalogs.filter((c) => c.code !== "en"))("$code is written in its own words: only a few are the same as the English (Budget, Dossier…)", ({ messages }) => {
    expect(englishKeys.filter((k) => messages[k] === exportsEn[k as keyof typeof exportsEn]).length).toBeLessThanOrEqual(6);
  });

  it("has no key the exports do not ask for, and reuses only messages every game catalog has", () => {
    const { literals, templates } = clientStrings([path.join(root, "server/http/exports.ts")]);
    const unused = [...englishKeys, ...REUSED_KEYS].filter((key) => !literals.has(key) && !templates.some((pattern) => pattern.test(key)));
    expect(unused).toEqual([]);
    for (const { code, messages } of catalogs) expect(REUSED_KEYS.filter((key) => !(key in messages)), code).toEqual([]);
  });
});

/** Attributes and properties whose text a person reads or hears. */
const READ_PROPS = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "placeholder", "alt", "label"]);
const READ_ASSIGNED = new Set(["textContent", "innerText", "innerHTML", "title", "placeholder", "ariaLabel", "alt"]);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

/** Player-facing English written in code: `where: "text"` for each one found. */
function literalsShown(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  /** The words an expression can evaluate to, through ?:, ??, ||, + and arrays. */
  const check = (node: ts.Expression | undefined): void => {
    if (!node) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (hasWords(node.text)) found.push(`${where(node)}: ${JSON.stringify(node.text)}`);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("…");
      if (hasWords(text)) found.push(`${where(node)}: ${JSON.stringify(text)}`);
      for (const span of node.templateSpans) check(span.expression);
    } else if (ts.isParenthesizedExpression(node)) check(node.expression);
    else if (ts.isConditionalExpression(node)) {
      check(node.whenTrue);
      check(node.whenFalse);
    } else if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
      check(node.left);
      check(node.right);
    } else if (ts.isArrayLiteralExpression(node)) node.elements.forEach((e) => check(e as ts.Expression));
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      // h(tag, props, ...children): the children are what the screen shows.
      if (callee === "h") {
        const [, props, ...children] = node.arguments;
        children.forEach(check);
        if (props && ts.isObjectLiteralExpression(props)) {
          for (const p of props.properties) {
            if (ts.isPropertyAssignment(p) && READ_PROPS.has(p.name.getText(source).replace(/^["']|["']$/g, ""))) check(p.initializer);
          }
        }
      }
      if (/\.setAttribute$/.test(callee) && node.arguments[0] && ts.isStringLiteral(node.arguments[0]) && READ_PROPS.has(node.arguments[0].text)) check(node.arguments[1]);
      // Phaser's text objects, and the browser's own dialogs.
      if (/\.add\.text$/.test(callee)) check(node.arguments[2]);
      if (/\.setText$/.test(callee)) check(node.arguments[0]);
      if (/^(window\.)?(alert|confirm|prompt)$/.test(callee)) check(node.arguments[0]);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && READ_ASSIGNED.has(node.left.name.text)) check(node.right);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the screens", () => {
  it("write no player-facing English outside the catalogs", () => {
    const dirs = ["client/ui", "client/debrief", "client/replay", "client/scenes", "client/ctrl", "client/app"];
    const files = [...dirs.flatMap((dir) => [...sources(path.join(root, dir))]), path.join(root, "client/main.ts")];
    expect(files.flatMap(literalsShown)).toEqual([]);
  });

  it("the scan finds English where a screen would show it", () => {
    // The scan itself, on a screen written the wrong way.
    const sample = path.join(root, "node_modules/.cache/catalog-test-sample.ts");
    ts.sys.writeFile(sample, `h("p", { "aria-label": "Close" }, ok ? "Joined" : t("x"));\nel.textContent = \`\${n} players\`;\nthis.add.text(0, 0, "Round");\n`);
    expect(literalsShown(sample).map((line) => line.replace(/^.*?: /, ""))).toEqual(['"Joined"', '"Close"', '"… players"', '"Round"']);
  });
});

describe("the catalog at run time", () => {
  beforeAll(() => setLanguage("en"));

  it("never says '1 tokens' or 'Up to 1 delegates'", () => {
    expect(t("table.tokens", { tokens: 1 })).toBe("1 token");
    expect(t("table.tokens", { tokens: 4 })).toBe("4 tokens");
    expect(t("role.delegates", { count: 1 })).toBe("One delegate");
    expect(t("role.delegates", { count: 3 })).toBe("Up to 3 delegates");
  });

  it("shows a refusal from its code and values, never from the server's sentence", () => {
    expect(rejectionText("not-enough-tokens", { need: "trip", cost: 4, have: 2 })).toBe("You do not have enough tokens for that. (The trip costs 4; you have 2.)");
    expect(rejectionText("not-enough-tokens")).toBe("You do not have enough tokens for that.");
    expect(rejectionText("text-too-long", { max: 1 })).toBe("That message is too long. (1 character at most.)");
    expect(rejectionText("no-such-code")).toBe(t("rejection.bad-input"));
  });
});

describe("ICU messages", () => {
  it("fill named values and pick the plural form for the number, # standing for it", () => {
    const message = "{n, plural, one {# token} other {# tokens}}";
    expect(format(message, { n: 1 })).toBe("1 token");
    expect(format(message, { n: 0 })).toBe("0 tokens");
    expect(format(message, { n: 1500 })).toBe("1,500 tokens");
    expect(format(message, { n: 1500 }, "de")).toBe("1.500 tokens");
  });

  it("prefer an exact =N case, and fill values inside a form", () => {
    const message = "{n, plural, =0 {nobody from {city}} one {# delegate from {city}} other {# delegates from {city}}}";
    expect(format(message, { n: 0, city: "Lima" })).toBe("nobody from Lima");
    expect(format(message, { n: 1, city: "Lima" })).toBe("1 delegate from Lima");
    expect(format(message, { n: 3, city: "Lima" })).toBe("3 delegates from Lima");
  });

  it("use each language's plural rules: French counts 0 and 1 as one", () => {
    const message = "{n, plural, one {# jeton} other {# jetons}}";
    expect(format(message, { n: 0 }, "fr")).toBe("0 jeton");
    expect(format(message, { n: 0 }, "en")).toBe("0 jetons");
  });
});

describe("a device's starting language", () => {
  it("is the first of the browser's preferences the game speaks, by language when the region differs", () => {
    expect(pickLanguage(["xx", "en-GB"])).toBe("en");
    expect(pickLanguage([])).toBe("en");
  });
});
