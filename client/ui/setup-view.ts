// Renders the teacher's setup form from the SetupController and reads it back into settings.
import { PHASES, RULES, type SetupController, type SetupSettings, type TimerPreset } from "../ctrl/setup-controller.js";
import { t } from "../text/catalog.js";
import { h, type Child } from "./dom.js";

/** Default seconds per phase offered for a custom timing (the 45-minute lesson's). */
const customDefaults = { briefing: 60, travel: 90, negotiation: 300, decision: 90, outcome: 45 } as const;

export function renderSetup(ctrl: SetupController, onCancel: () => void): Child[] {
  const { tables, preset, sending, error } = ctrl.state;
  return [
    h("h1", { class: "screen-heading", tabindex: "-1" }, t("setup.heading")),
    h(
      "form",
      {
        class: "card setup-form",
        onsubmit: (event: Event) => {
          event.preventDefault();
          void ctrl.create(readSettings(event.currentTarget as HTMLFormElement, tables, preset));
        },
      },
      h("label", null, t("setup.classLabel"), h("input", { name: "classLabel", type: "text", maxlength: 60, autocomplete: "off", class: "input--plain" })),
      h("label", null, t("setup.scenario"), h("select", { name: "scenario" }, h("option", { value: "who-runs-the-internet-2014" }, t("setup.scenarioDefault")))),
      h(
        "label",
        null,
        t("setup.tables"),
        h("input", { name: "tables", type: "number", min: 1, max: 6, step: 1, value: String(tables), class: "input--plain", "aria-describedby": "tables-hint", onchange: (e: Event) => ctrl.setTables(Number((e.currentTarget as HTMLInputElement).value)) }),
      ),
      h("p", { id: "tables-hint", class: "hint" }, t("setup.tablesHint")),
      Array.from({ length: tables }, (_, i) =>
        h("label", { "data-key": `rule-${i}` }, t("setup.rule", { table: i + 1 }), h("select", { name: `rule-${i}` }, RULES.map((r) => h("option", { value: r }, t(`rule.${r}`))))),
      ),
      h(
        "fieldset",
        null,
        h("legend", null, t("setup.timers")),
        (["lesson-45", "lesson-90", "custom"] as TimerPreset[]).map((p) =>
          h("label", { class: "check" }, h("input", { type: "radio", name: "timerPreset", value: p, checked: preset === p, onchange: () => ctrl.setPreset(p) }), " ", t(`setup.timer.${p}`)),
        ),
        preset === "custom"
          ? h("div", { class: "timer-grid" }, PHASES.map((phase) => h("label", { "data-key": phase }, t("setup.timerPhase", { phase: t(`phase.${phase}`) }), h("input", { name: `timer-${phase}`, type: "number", min: 10, max: 3600, value: String(customDefaults[phase]), class: "input--plain" }))))
          : null,
      ),
      h("label", { class: "check" }, h("input", { type: "checkbox", name: "bots" }), " ", t("setup.bots")),
      h(
        "label",
        null,
        t("setup.chair"),
        h("select", { name: "chair" }, h("option", { value: "automatic" }, t("setup.chair.automatic")), h("option", { value: "teacher" }, t("setup.chair.teacher"))),
      ),
      h(
        "fieldset",
        null,
        h("legend", null, t("setup.variants")),
        h("label", { class: "check" }, h("input", { type: "checkbox", name: "surveillance" }), " ", t("setup.surveillance")),
        h("label", { class: "check" }, h("input", { type: "checkbox", name: "lateInsertion", checked: true }), " ", t("setup.lateInsertion")),
        h("label", null, t("setup.fellowships"), h("select", { name: "fellowships" }, h("option", { value: "soft" }, t("setup.fellowships.soft")), h("option", { value: "hard" }, t("setup.fellowships.hard")))),
      ),
      h(
        "div",
        { class: "button-row" },
        h("button", { type: "submit", class: "button button--primary", disabled: sending, "aria-describedby": error ? "setup-error" : null }, sending ? t("setup.creating") : t("setup.create")),
        h("button", { type: "button", class: "button button--secondary", onclick: onCancel }, t("setup.cancel")),
      ),
      error ? h("p", { id: "setup-error", class: "error", role: "alert" }, t("setup.failed", { reason: error })) : null,
    ),
  ];
}

function readSettings(form: HTMLFormElement, tables: number, preset: TimerPreset): SetupSettings {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  const settings: SetupSettings = {
    classLabel: text("classLabel").trim(),
    tables,
    rules: Array.from({ length: tables }, (_, i) => (text(`rule-${i}`) || "R1") as SetupSettings["rules"][number]),
    timerPreset: preset,
    bots: data.get("bots") === "on",
    chair: text("chair") === "teacher" ? "teacher" : "automatic",
    variants: { surveillance: data.get("surveillance") === "on", lateInsertion: data.get("lateInsertion") === "on", fellowships: text("fellowships") === "hard" ? "hard" : "soft" },
  };
  if (preset === "custom") settings.timers = Object.fromEntries(PHASES.map((p) => [p, Number(text(`timer-${p}`))])) as SetupSettings["timers"];
  return settings;
}
