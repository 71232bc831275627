// The teacher's exports in the teacher's language: the spreadsheet's header row and the marks'
// sentences, and the printable summary, in each of the game's languages, with the scenario's
// own words (roles, dossiers, options, cities) from its translation and the numbers unchanged;
// a language the game does not speak gets English, never an error.
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../client/text/languages.js";
import { CSV_COLUMNS, debrief, matchCsv } from "../../shared/analysis/index.js";
import { csvWords, scenarioOf, summaryHtml } from "../../server/http/exports.js";
import { exportsEn } from "../../server/text/en.js";
import { EXPORT_CATALOGS, exportLanguage, REUSED_KEYS, wordsFor } from "../../server/text/words.js";
import { messages as messagesEs } from "../../client/text/languages/es.js";
import { Match, player } from "../helpers/engine.js";
import { format } from "../helpers/messages.js";

/** Round 1 with money and a marked move; the match ends after round 3. */
function endedMatch() {
  const m = new Match().seatEveryone(["TECH", "USG", "EU", "DNS", "EMG", "NGO-N", "LDC", "CS-S"]).start().skipTo("travel");
  m.as("TECH", { type: "BookTravel", mode: "in-person" });
  m.as("EU", { type: "BookTravel", mode: "in-person" });
  m.as("TECH", { type: "OfferFellowship", to: "CS-S", note: "Your voice matters" });
  m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
  m.as("EMG", { type: "GiveGrant", to: "EU", amount: 1 });
  m.skipTo("negotiation");
  m.as("TECH", { type: "TableOption", option: "A2" });
  m.as("EU", { type: "TableOption", option: "A3" });
  m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
  m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "object" });
  m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "object" });
  m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "support" });
  m.skipTo("outcome", 2);
  m.ok({ type: "EndMatch" });
  const events = m.events;
  const d = debrief(events);
  expect(d.tables[0]!.marks, "the match has a marked move to word").toHaveLength(1);
  return { header: { code: "LANGS", createdAt: m.now, classLabel: "Class 9c", settings: "{}", scenarioId: "who-runs-the-internet-2014", scenarioVersion: 2, rulesVersion: 1, seed: 7, status: "ended" as const, startedAt: m.now, endedAt: m.now, teacherTokenHash: "" }, events, debrief: d };
}

const match = endedMatch();
const scenario = scenarioOf(match);
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
/** What the page reads: its text with the tags out and the escapes read back. */
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/g, (e) => ENTITIES[e] ?? e);
/** The fixed words of an English message (between its placeholders), long enough to be telling. */
const fixedWords = (message: string) =>
  message
    .replace(/\{[^{}]*\{[^{}]*\}[^{}]*\{[^{}]*\}\s*\}/g, "{}")
    .split(/\{[^}]*\}/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}{3,}.*\s.*\p{L}{3,}/u.test(s));
const others = LANGUAGES.map((l) => l.code).filter((code) => code !== "en");

describe("the spreadsheet in the teacher's language", () => {
  it.each(LANGUAGES.map((l) => l.code))("%s: every header from its catalog, in the fixed column order", (language) => {
    const csv = matchCsv(match.events, { pseudonymise: true, words: csvWords(language, scenario) }, match.debrief);
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    const catalog = EXPORT_CATALOGS[language];
    expect(header!.split(",")).toEqual(CSV_COLUMNS.map((column) => catalog[`export.csv.${column}`]));
    expect(rows).toHaveLength(9 * 3);
    // The same coded values in every language: rule, round, dossier id, role id, attendance.
    expect(rows[0]!.split(",").slice(0, 5)).toEqual(["1", "R1", "1", "A", scenario.roles[0]!.id]);
    // Role names from the scenario's translation; pseudonyms and the marked move in the language.
    const names = scenario.roles.map((r) => scenario.translations?.[language]?.roles?.[r.id]?.name ?? r.name);
    for (const name of names) expect(csv).toContain(name);
    expect(csv).toContain(catalog["export.student"].replace("{number}", "1"));
    const mark = rows.find((r) => r.includes(",CS-S,") && r.startsWith("1,R1,1,"))!;
    expect(mark).toContain(wordsFor(language).t("debrief.stance.object"));
  });

  it.each(others)("%s: no header is left in English where the language has its own word", (language) => {
    const csv = matchCsv(match.events, { pseudonymise: true, words: csvWords(language, scenario) }, match.debrief);
    const header = csv.split("\r\n")[0]!.split(",");
    const english = new Set<string>(CSV_COLUMNS.map((column) => exportsEn[`export.csv.${column}`]));
    const translatedAlike = CSV_COLUMNS.filter((column) => EXPORT_CATALOGS[language][`export.csv.${column}`] === exportsEn[`export.csv.${column}`]);
    expect(header.filter((h) => english.has(h)).length).toBe(translatedAlike.length);
    // Words that are the same in both languages are few: Dossier, Budget, Table…
    expect(translatedAlike.length).toBeLessThanOrEqual(2);
    expect(csv).not.toContain("moved toward");
    expect(csv).not.toContain("Student 1");
  });
});

describe("the printable summary in the teacher's language", () => {
  it.each(LANGUAGES.map((l) => l.code))("%s: the page says its language, and names the scenario's things in it", (language) => {
    const html = summaryHtml(match, true, {}, language);
    expect(html).toContain(`<html lang="${language}">`);
    const page = text(html);
    const w = wordsFor(language);
    for (const key of ["export.title", "export.outcomes", "export.players", "debrief.money.title", "debrief.part.marks", "ended.whatHappened"] as const) expect(page).toContain(w.t(key));
    const texts = scenario.translations?.[language];
    for (const dossier of scenario.dossiers) expect(page).toContain(texts?.dossiers?.[dossier.id]?.title ?? dossier.title);
    for (const role of scenario.roles) expect(page).toContain(texts?.roles?.[role.id]?.name ?? role.name);
    expect(page).toContain(texts?.title ?? scenario.title);
    for (const line of texts?.whatHappened ?? scenario.whatHappened) expect(page).toContain(line);
  });

  it.each(others)("%s: no English sentence of the summary is left", (language) => {
    const page = text(summaryHtml(match, true, {}, language));
    const english = wordsFor("en");
    const catalog = EXPORT_CATALOGS[language];
    const left: string[] = [];
    for (const key of Object.keys(exportsEn) as (keyof typeof exportsEn)[]) {
      if (key.startsWith("export.csv.") || catalog[key] === exportsEn[key]) continue;
      for (const words of fixedWords(exportsEn[key])) if (page.includes(words)) left.push(`${key}: ${words}`);
    }
    for (const key of REUSED_KEYS) {
      const mine = wordsFor(language).t(key);
      if (mine !== english.t(key) && english.t(key).length > 6 && page.includes(english.t(key))) left.push(`${key}: ${english.t(key)}`);
    }
    // The scenario's English words, where the translation has its own.
    const texts = scenario.translations?.[language];
    for (const d of scenario.dossiers) if (texts?.dossiers?.[d.id]?.title && texts.dossiers[d.id]!.title !== d.title && page.includes(d.title)) left.push(`dossier ${d.id}: ${d.title}`);
    for (const r of scenario.roles) if (texts?.roles?.[r.id]?.name && texts.roles[r.id]!.name !== r.name && page.includes(r.name)) left.push(`role ${r.id}: ${r.name}`);
    expect(left).toEqual([]);
  });

  it("writes numbers as the language writes them, and never changes them", () => {
    const gini = match.debrief.tables[0]!.payoffGini;
    const rounded = Math.round(gini * 100) / 100;
    expect(rounded % 1, "the Gini has decimals to write").not.toBe(0);
    expect(text(summaryHtml(match, true, {}, "en"))).toContain(String(rounded));
    expect(text(summaryHtml(match, true, {}, "de"))).toContain(String(rounded).replace(".", ","));
  });

  it("reads the language asked for, and gives English for anything else", () => {
    expect(exportLanguage("es")).toBe("es");
    expect(exportLanguage("pt-BR")).toBe("pt-BR");
    expect(exportLanguage("es-MX")).toBe("es");
    expect(exportLanguage("pt-PT")).toBe("pt-BR");
    expect(exportLanguage("de-AT")).toBe("de");
    for (const bad of [undefined, "", "xx", "klingon", "<script>", "es\u0000", "e".repeat(100), ["es", "fr"], { lang: "es" }, 42]) expect(exportLanguage(bad), JSON.stringify(bad)).toBe("en");
  });
});

describe("a bot's note in the printable summary", () => {
  it("is quoted in the summary's language, with the city in that language; a person's note as written", () => {
    const m = new Match().seatEveryone(["TECH", "EU"]);
    m.ok({ type: "FillWithBots" });
    m.start().skipTo("travel");
    const bot = Object.values(m.s.players).find((p) => p.role === "USG" && p.kind === "bot")!.id;
    const dossier = m.s.scenario.dossiers[0]!;
    const [offer] = m.ok({ type: "OfferFellowship", to: "TECH", note: `We would be glad to bring you to ${dossier.venue.city}.`, line: { key: "fellowship.note", variant: 0, dossier: dossier.id } }, player(bot));
    m.as("TECH", { type: "AcceptFellowship", fellowship: (offer as { id: string }).id });
    m.as("EU", { type: "GiveGrant", to: "TECH", amount: 1, note: "Un saludo" });
    m.skipTo("outcome", 2);
    m.ok({ type: "EndMatch" });
    const ended = { ...match, events: m.events, debrief: debrief(m.events) };
    const city = m.s.scenario.translations?.es?.dossiers?.[dossier.id]?.venue?.city;
    expect(city, "the city has a Spanish name").toBeTruthy();
    const spanish = text(summaryHtml(ended, true, {}, "es"));
    expect(spanish).toContain(`“${format(messagesEs["bot.fellowship.note.0"], { city: city! }, "es")}”`);
    expect(spanish).not.toContain("We would be glad");
    expect(spanish).toContain("“Un saludo”");
    expect(text(summaryHtml(ended, true, {}, "en"))).toContain(`“We would be glad to bring you to ${dossier.venue.city}.”`);
  });
});
