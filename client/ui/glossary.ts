// The glossary, reachable from every screen: a "Glossary" button fixed to the page (outside the
// screens' patched DOM, so no screen can drop it) opens a dialog with the scenario's words
// (IANA, root zone…, from Scenario.lesson.glossary) and the game's (rough consensus, Gini…,
// client/text/glossary-en.ts and each language's glossary.ts), both in the device's language. A term inside a text a student reads is a button too
// (`withTerms`): tapping it opens the glossary at that term. On the projector the dialog lays
// its entries out in columns so the whole glossary fits one screen.
import "../styles/lesson.css";
import type { ScenarioSummary } from "../../shared/protocol/scenarios.js";
import { currentLanguage, onLanguageChange, t } from "../text/catalog.js";
import { localiseSummary } from "../text/scenario-texts.js";
import { GAME_TERMS, type GlossaryEntry } from "../text/glossary-en.js";
import { h, patch, type Child } from "./dom.js";

let scenarioTerms: readonly GlossaryEntry[] = [];

/** The game's own terms in this device's language, in the catalog's order. */
export function gameGlossary(): GlossaryEntry[] {
  return GAME_TERMS.map((id) => ({ term: t(`glossary.term.${id}`), meaning: t(`glossary.meaning.${id}`) }));
}
let scenarioId: string | null = null;
let shown: string | null = null;
let dialog: HTMLDialogElement | null = null;

/** The id an entry gets in the dialog ("glossary-rough-consensus"). */
export const termId = (term: string) => `glossary-${term.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-")}`;

function entries(): { heading: string; list: readonly GlossaryEntry[] }[] {
  return [
    ...(scenarioTerms.length ? [{ heading: t("glossary.scenario"), list: scenarioTerms }] : []),
    { heading: t("glossary.game"), list: gameGlossary() },
  ];
}

function render(): void {
  if (!dialog) return;
  patch(dialog, [
    h(
      "div",
      { class: "glossary__head" },
      h("h2", { id: "glossary-title" }, t("glossary.title")),
      h("button", { type: "button", class: "button button--secondary glossary__close", onclick: () => dialog?.close() }, t("glossary.close")),
    ),
    h(
      "div",
      { class: "glossary__body" },
      entries().map((group) =>
        h(
          "section",
          { class: "glossary__group", "data-key": group.heading },
          h("h3", null, group.heading),
          h(
            "dl",
            null,
            group.list.map((entry) =>
              h("div", { class: shown === entry.term.toLowerCase() ? "glossary__entry glossary__entry--shown" : "glossary__entry", id: termId(entry.term), "data-key": entry.term }, h("dt", null, entry.term), h("dd", null, entry.meaning)),
            ),
          ),
        ),
      ),
    ),
  ]);
}

/** Opens the glossary, at `term` when given (highlighted and scrolled to). */
export function openGlossary(term?: string): void {
  mountGlossary();
  shown = term?.toLowerCase() ?? null;
  render();
  if (!dialog!.open) dialog!.showModal();
  if (term) document.getElementById(termId(term))?.scrollIntoView({ block: "nearest" });
}

/**
 * The scenario whose words the glossary adds, from a match's view or the setup page's choice.
 * Without one, the glossary asks the server for the default scenario's words once.
 */
export function setScenarioGlossary(id: string | null, terms: readonly GlossaryEntry[]): void {
  // The same scenario in another language is a new list: compare the words, not only the id.
  if (id === scenarioId && terms.length === scenarioTerms.length && terms.every((entry) => scenarioTerms.some((known) => known.term === entry.term && known.meaning === entry.meaning))) return;
  scenarioId = id;
  scenarioTerms = [...terms].sort((a, b) => a.term.localeCompare(b.term));
  termPattern = null;
  render();
}

/** The default scenario as the server lists it, kept to word its glossary again in another language. */
let defaultScenario: ScenarioSummary | null = null;

async function loadDefaultTerms(): Promise<void> {
  if (scenarioId !== null) return;
  try {
    const response = await fetch("/api/scenarios");
    const body = (await response.json()) as { scenarios?: ScenarioSummary[] };
    const chosen = body.scenarios?.find((s) => s.default) ?? body.scenarios?.[0];
    if (chosen && scenarioId === null) {
      defaultScenario = chosen;
      setScenarioGlossary(chosen.id, localiseSummary(chosen, currentLanguage()).glossary);
    }
  } catch (error) {
    // The game's own words still show; the scenario's follow when a match view arrives.
    console.warn("The scenario's glossary could not be loaded:", error);
  }
}

/** Adds the Glossary button and its dialog to the page, once. */
export function mountGlossary(): void {
  if (dialog) return;
  const box = document.createElement("dialog");
  box.className = "glossary";
  box.setAttribute("aria-labelledby", "glossary-title");
  box.dataset.testid = "glossary";
  // A tap on the backdrop closes it too.
  box.addEventListener("click", (event) => {
    if (event.target === box) box.close();
  });
  dialog = box;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "glossary-button";
  button.dataset.testid = "glossary-button";
  button.textContent = t("glossary.open");
  button.addEventListener("click", () => openGlossary());
  document.body.append(button, box);
  // The button and dialog live outside every screen's redraw: they follow the picker themselves.
  onLanguageChange((language) => {
    button.textContent = t("glossary.open");
    // Before a match or a setup choice, the default scenario's words follow the device's language too.
    if (defaultScenario && scenarioId === defaultScenario.id) setScenarioGlossary(defaultScenario.id, localiseSummary(defaultScenario, language).glossary);
    render();
  });
  render();
  void loadDefaultTerms();
}

let termPattern: RegExp | null = null;
let patternLanguage: string | null = null;

function pattern(): RegExp | null {
  // The game's terms change with the device's language; the scenario's reset the pattern themselves.
  if (termPattern && patternLanguage === currentLanguage()) return termPattern;
  patternLanguage = currentLanguage();
  const terms = [...scenarioTerms, ...gameGlossary()].map((e) => e.term).sort((a, b) => b.length - a.length);
  if (!terms.length) return null;
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  termPattern = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join("|")})(?:s)?(?![\\p{L}\\p{N}])`, "giu");
  return termPattern;
}

/**
 * A text with each glossary term in it (its first mention) as a button that opens the
 * glossary there; the text reads the same, and a screen reader hears a button per term.
 */
export function withTerms(text: string): Child[] {
  const re = pattern();
  if (!re) return [text];
  const out: Child[] = [];
  const seen = new Set<string>();
  let last = 0;
  for (const match of text.matchAll(re)) {
    const word = match[0];
    const term = [...scenarioTerms, ...gameGlossary()].find((e) => e.term.toLowerCase() === match[1]!.toLowerCase())?.term ?? match[1]!;
    if (seen.has(term)) continue;
    seen.add(term);
    out.push(text.slice(last, match.index));
    out.push(h("button", { type: "button", class: "term", "aria-label": t("glossary.termLabel", { term: word }), onclick: () => openGlossary(term) }, word));
    last = match.index + word.length;
  }
  out.push(text.slice(last));
  return out;
}
