// Renders the teacher's setup form from the SetupController and reads it back into settings.
// The scenario is chosen from the server's list (with its description) or uploaded from a file;
// each decision rule it offers is named with how it decides in that scenario (its houses, its
// governments and blocs, its richest role) and one example; the variants name the roles that
// hold their powers; each lesson plan shows, before it is picked, what fills each period and
// how long it takes — computed from the clocks and the scenario's text, updated as the teacher
// changes them.
import "../styles/lesson.css";
import { PHASES, PRESETS, type LessonLength, type ScenarioChoice, type SetupController, type SetupSettings, type TimerPreset, type UploadIssue } from "../ctrl/setup-controller.js";
import { currentLanguage, formatList, languageName, t } from "../text/catalog.js";
import { localiseSummary } from "../text/scenario-texts.js";
import { ruleExplained, type RuleFacts } from "./rule-text.js";
import { h, type Child, type VNode } from "./dom.js";
import { field } from "./parts.js";
import { setScenarioGlossary } from "./glossary.js";

export function renderSetup(ctrl: SetupController, onCancel: () => void): Child[] {
  const { tables, preset, sending, error, scenarios, scenario } = ctrl.state;
  // The scenario's own words in the teacher's language (its overlay), the rest as written.
  const raw = ctrl.chosen();
  const chosen = raw && localiseSummary(raw, currentLanguage());
  // The glossary explains the words of the scenario the teacher is looking at.
  if (chosen) setScenarioGlossary(chosen.id, chosen.glossary);
  return [
    h("h1", { class: "screen-heading", tabindex: "-1" }, t("setup.heading")),
    h(
      "form",
      {
        class: "card setup-form",
        onsubmit: (event: Event) => {
          event.preventDefault();
          void ctrl.create(readSettings(ctrl, event.currentTarget as HTMLFormElement));
        },
      },
      field("setup-class", t("setup.classLabel"), h("input", { name: "classLabel", type: "text", maxlength: 60, autocomplete: "off", class: "input--plain", placeholder: t("setup.classPlaceholder") })),
      field(
        "setup-scenario",
        t("setup.scenario"),
        h(
          "select",
          { name: "scenario", "aria-describedby": "scenario-about", onchange: (e: Event) => ctrl.setScenario((e.currentTarget as HTMLSelectElement).value) },
          scenarios.map((s) => h("option", { value: s.id, selected: s.id === scenario, disabled: s.problem !== undefined, "data-key": s.id }, s.problem ? t("setup.scenarioBroken", { title: s.title }) : localiseSummary(s, currentLanguage()).title)),
        ),
      ),
      scenarioAbout(ctrl, chosen),
      uploadPart(ctrl),
      field(
        "setup-tables",
        t("setup.tables"),
        h("input", { name: "tables", type: "number", min: 1, max: 6, step: 1, value: String(tables), class: "input--plain input--short", "aria-describedby": "tables-hint", onchange: (e: Event) => ctrl.setTables(Number((e.currentTarget as HTMLInputElement).value)) }),
      ),
      chosen ? h("p", { id: "tables-hint", class: "hint" }, t("setup.tablesHint", { roles: chosen.roles })) : null,
      rulesMatrix(ctrl),
      timing(ctrl, preset),
      h("label", { class: "check" }, h("input", { type: "checkbox", name: "bots" }), " ", t("setup.bots")),
      field("setup-chair", t("setup.chair"), h("select", { name: "chair" }, h("option", { value: "automatic" }, t("setup.chair.automatic")), h("option", { value: "teacher" }, t("setup.chair.teacher")))),
      h("p", { class: "hint" }, t("setup.chairHint")),
      h(
        "fieldset",
        null,
        h("legend", null, t("setup.variants")),
        variantChecks(chosen),
        field("setup-fellowships", t("setup.fellowships"), h("select", { name: "fellowships" }, h("option", { value: "soft" }, t("setup.fellowships.soft")), h("option", { value: "hard" }, t("setup.fellowships.hard")))),
      ),
      h(
        "div",
        { class: "button-row" },
        h("button", { type: "submit", class: "button button--primary", disabled: sending || !chosen || chosen.problem !== undefined, "aria-describedby": error ? "setup-error" : null }, sending ? t("setup.creating") : t("setup.create")),
        h("button", { type: "button", class: "button button--secondary", onclick: onCancel }, t("setup.cancel")),
      ),
      error ? h("p", { id: "setup-error", class: "error", role: "alert" }, t("setup.failed", { reason: error })) : null,
    ),
  ];
}

/** One row per rule (its name and how it decides), one column of choices per table. */
function rulesMatrix(ctrl: SetupController): VNode {
  const { tables, rules } = ctrl.state;
  const many = tables > 1;
  const offered = ctrl.offeredRules();
  const raw = ctrl.chosen();
  const chosen = raw && localiseSummary(raw, currentLanguage());
  const facts: RuleFacts | null = chosen ? { houses: chosen.houses, roles: chosen.seats } : null;
  return h(
    "fieldset",
    { class: "rules" },
    h("legend", null, many ? t("setup.rulesMany") : t("setup.rulesOne")),
    offered.length < 4 ? h("p", { class: "hint" }, t("setup.rulesNotOffered")) : null,
    h(
      "table",
      { class: "rules__table" },
      many ? h("thead", null, h("tr", null, h("th", { scope: "col" }, t("setup.ruleColumn")), Array.from({ length: tables }, (_, i) => h("th", { scope: "col", "data-key": `h${i}` }, t("setup.tableShort", { table: i + 1 }))))) : null,
      h(
        "tbody",
        null,
        offered.map((rule) =>
          h(
            "tr",
            { "data-key": rule },
            h(
              "th",
              { scope: "row", class: "rules__rule" },
              h("span", { class: "rules__name", id: `rule-name-${rule}` }, t(`rule.short.${rule}`)),
              facts ? h("span", { class: "rules__explain", id: `rule-explain-${rule}` }, ruleExplained(rule, facts), " ", h("span", { class: "rules__example" }, t(`rule.example.${rule}`))) : null,
            ),
            Array.from({ length: tables }, (_, i) =>
              h(
                "td",
                { "data-key": `c${i}`, class: "rules__choice" },
                h("input", {
                  type: "radio",
                  name: `rule-${i}`,
                  value: rule,
                  checked: rules[i] === rule,
                  "aria-label": many ? t("setup.ruleFor", { table: i + 1, rule: t(`rule.short.${rule}`) }) : t(`rule.short.${rule}`),
                  "aria-describedby": facts ? `rule-explain-${rule}` : null,
                  onchange: () => ctrl.setRule(i, rule),
                }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** What the chosen scenario is about: its own description, its size, its language, whose it is. */
function scenarioAbout(ctrl: SetupController, chosen: ScenarioChoice | null): VNode | null {
  if (!chosen) return null;
  if (chosen.problem) return h("p", { id: "scenario-about", class: "error", role: "alert" }, t("setup.scenarioProblem", { problem: chosen.problem }));
  return h(
    "div",
    { id: "scenario-about", class: "scenario-about", "data-testid": "scenario-about" },
    h("p", { class: "scenario-about__summary" }, chosen.summary),
    h(
      "p",
      { class: "hint" },
      t("setup.scenarioFacts", { roles: chosen.roles, rounds: chosen.dossiers, language: languageName(chosen.language) }),
      chosen.origin === "uploaded" ? [" · ", t("setup.scenarioUploaded"), " ", h("button", { type: "button", class: "button button--secondary button--small", onclick: () => void ctrl.removeUpload(chosen.id) }, t("setup.removeUpload", { title: chosen.title }))] : null,
    ),
  );
}

/** The file input for a teacher's own scenario, and what became of the last upload. */
function uploadPart(ctrl: SetupController): VNode {
  const upload = ctrl.state.upload;
  const issues = (heading: string, list: UploadIssue[], pathsOnly = false) =>
    list.length ? [h("p", null, heading), h("ul", { class: "upload__issues" }, list.slice(0, 20).map((i, k) => h("li", { "data-key": `i${k}` }, pathsOnly ? i.path : t("setup.issue", { path: i.path, message: i.message }))))] : null;
  let status: VNode | null = null;
  if (upload.status === "sending") status = h("p", { class: "hint", role: "status" }, t("setup.uploading", { file: upload.file }));
  else if (upload.status === "done")
    status = h(
      "div",
      { class: "upload__done", role: "status", "data-testid": "upload-status" },
      h("p", null, t(upload.replaced ? "setup.uploadReplaced" : "setup.uploaded", { title: upload.title, roles: upload.roles, rounds: upload.dossiers })),
      issues(t("setup.uploadWarnings"), upload.warnings, true),
    );
  else if (upload.status === "failed")
    // With the fields listed, the server's sentence (which repeats them) gives way to their count.
    status = h(
      "div",
      { class: "error upload__failed", role: "alert", "data-testid": "upload-status" },
      h("p", null, upload.issues.length ? t("setup.uploadFailedFields", { file: upload.file, count: upload.issues.length }) : t("setup.uploadFailed", { file: upload.file, reason: upload.reason })),
      issues(t("setup.uploadIssues"), upload.issues),
    );
  else if (upload.status === "removed") status = h("p", { class: "hint", role: "status", "data-testid": "upload-status" }, t("setup.removed", { title: upload.title }));
  return h(
    "div",
    { class: "field upload" },
    h("label", { for: "setup-upload" }, t("setup.upload")),
    h("input", {
      id: "setup-upload",
      type: "file",
      accept: ".json,application/json",
      class: "input--plain",
      "aria-describedby": "upload-hint",
      disabled: upload.status === "sending",
      onchange: (e: Event) => {
        const input = e.currentTarget as HTMLInputElement;
        const file = input.files?.[0];
        // Cleared at once, so the same file can be sent again once it is fixed.
        input.value = "";
        if (file) void ctrl.upload(file);
      },
    }),
    h("p", { id: "upload-hint", class: "hint" }, t("setup.uploadHint")),
    status,
  );
}

/** The variants, each naming the role that would use it; off and explained when nobody can. */
function variantChecks(chosen: ScenarioChoice | null): VNode[] {
  const listeners = chosen?.powers.listeners ?? [];
  const clause = chosen?.powers.clauseHolder ?? null;
  const surveillance = chosen && !listeners.length ? [t("setup.surveillanceNone"), " ", t("setup.noSurveillance")] : listeners.length ? t("setup.surveillance", { roles: formatList(listeners) }) : t("setup.surveillanceNone");
  const insertion = chosen && !clause ? [t("setup.lateInsertionNone"), " ", t("setup.noLateInsertion")] : clause ? t("setup.lateInsertion", { role: clause }) : t("setup.lateInsertionNone");
  return [
    h("label", { class: "check", "data-key": "surveillance" }, h("input", { type: "checkbox", name: "surveillance", disabled: chosen !== null && !listeners.length }), " ", surveillance),
    h("label", { class: "check", "data-key": "lateInsertion" }, h("input", { type: "checkbox", name: "lateInsertion", checked: chosen === null || clause !== null, disabled: chosen !== null && !clause }), " ", insertion),
  ];
}

/** "8 min 50 s", "27 min", "45 s". */
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (!m) return t("setup.sec", { s });
  return s ? t("setup.minSec", { m, s }) : t("setup.min", { m });
}

/** The lesson plans, each with its periods and lengths, then the custom clocks when chosen. */
function timing(ctrl: SetupController, preset: TimerPreset): VNode {
  return h(
    "fieldset",
    { class: "setup-timing" },
    h("legend", null, t("setup.timers")),
    h("p", { class: "hint" }, t("plan.intro")),
    h(
      "ul",
      { class: "plans", role: "list" },
      PRESETS.map((p) => {
        const length = ctrl.length(p);
        return h(
          "li",
          { class: p === preset ? "plan plan--chosen" : "plan", "data-key": p, "data-testid": `plan-${p}` },
          h(
            "label",
            { class: "plan__choice" },
            h("input", { type: "radio", name: "timerPreset", value: p, checked: preset === p, "aria-describedby": `plan-${p}-contents`, onchange: () => ctrl.setPreset(p) }),
            " ",
            h("span", { class: "plan__name" }, t(`setup.timer.${p}`)),
            length ? h("span", { class: "plan__total" }, planTotal(length)) : null,
          ),
          h("div", { id: `plan-${p}-contents`, class: "plan__contents" }, length ? planContents(length) : null),
        );
      }),
    ),
    preset === "custom"
      ? h(
          "div",
          { class: "timer-grid", "data-key": "custom" },
          PHASES.map((phase) =>
            h(
              "label",
              { "data-key": phase },
              t("setup.timerPhase", { phase: t(`phase.${phase}`) }),
              h("input", { name: `timer-${phase}`, type: "number", min: 10, max: 3600, value: String(ctrl.state.custom[phase]), class: "input--plain", oninput: (e: Event) => ctrl.setCustomTimer(phase, Number((e.currentTarget as HTMLInputElement).value)) }),
            ),
          ),
        )
      : null,
  );
}

/** "Play 26 min 30 s + debrief 8 min = 34 min 30 s". */
function planTotal(length: LessonLength): string {
  return t("plan.total", { play: duration(length.playSeconds), debrief: duration(length.debriefSeconds), total: duration(length.playSeconds + length.debriefSeconds) });
}

/** One line per period (what happens, each part's length, what is left), and what the plan asks of the teacher. */
function planContents(length: LessonLength): VNode[] {
  const many = length.periods.length > 1;
  const lines: VNode[] = length.periods.map((period, i) => {
    const parts = period.parts.map((part) => {
      if (part === "join") return t("plan.part.join", { time: duration(length.joinMinutes * 60) });
      if (part === "play") return t("plan.part.play", { rounds: length.rounds, round: duration(length.roundSeconds), play: duration(length.playSeconds) });
      return length.shortDebrief ? t("plan.part.shortDebrief", { cards: length.debriefCards, time: duration(length.debriefSeconds) }) : t("plan.part.debrief", { cards: length.debriefCards, time: duration(length.debriefSeconds) });
    });
    const custom = length.preset === "custom";
    const label = custom ? t("plan.periodCustom", { minutes: period.minutes }) : many ? t("plan.periodOf", { number: i + 1, minutes: period.minutes }) : t("plan.period", { minutes: period.minutes });
    const spare = period.parts.includes("join") ? period.spareSeconds - length.joinMinutes * 60 : period.spareSeconds;
    const rest = custom ? null : spare >= 0 ? t(period.parts.includes("debrief") ? "plan.spare" : "plan.spareNoDebrief", { time: duration(spare) }) : t("plan.over", { time: duration(-spare) });
    return h("p", { class: spare < 0 && !custom ? "plan__period plan__period--over" : "plan__period", "data-key": `p${i}` }, h("strong", null, label), " ", parts.join(" · "), rest ? ` · ${rest}` : null);
  });
  const briefing = length.clocks.briefing;
  const notes: VNode[] = [
    h("p", { class: briefing < length.readingSeconds ? "plan__note plan__note--warn" : "plan__note", "data-key": "briefing" }, t(briefing < length.readingSeconds ? "plan.briefingShort" : "plan.briefing", { briefing: duration(briefing), reading: duration(length.readingSeconds) })),
  ];
  if (length.printRoleCardsBeforehand) notes.push(h("p", { class: "plan__note", "data-key": "print" }, t("plan.printBeforehand")));
  return [...lines, ...notes];
}

function readSettings(ctrl: SetupController, form: HTMLFormElement): SetupSettings {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  const { tables, rules, preset } = ctrl.state;
  const settings: SetupSettings = {
    classLabel: text("classLabel").trim(),
    tables,
    rules: rules.slice(0, tables),
    timerPreset: preset,
    bots: data.get("bots") === "on",
    chair: text("chair") === "teacher" ? "teacher" : "automatic",
    variants: { surveillance: data.get("surveillance") === "on", lateInsertion: data.get("lateInsertion") === "on", fellowships: text("fellowships") === "hard" ? "hard" : "soft" },
  };
  if (preset === "custom") settings.timers = { ...ctrl.state.custom };
  return settings;
}
