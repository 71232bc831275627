// The printables page (/print/CODE, ?part=roles or ?part=guide): role cards, two to an A4
// page, each with what only that role knows boxed and marked (cards are handed out face down);
// and the teacher's guide — objectives, the essay's argument in plain words with its source,
// the timing of the match's plan, what to say at each phase, the debrief questions, what really
// happened, the glossary. Everything comes from the scenario and settings of the match
// (GET /api/matches/:code/printables) and the catalog; the timing is computed by the same
// plan functions as the setup page. The browser's own Print makes the PDF.
import "./print.css";
import type { Printables, PrintableRoleCard } from "../../shared/scenario/printables.js";
import { LESSON_PLANS, isPlanId, planTiming, type PeriodPart, type PlanTiming } from "../../shared/rules/lesson-plans.js";
import { PHASE_IDS } from "../../shared/rules/settings.js";
import { reportToE2e } from "../e2e-hooks.js";
import { remembered } from "../net/storage.js";
import { currentLanguage, isMessageKey, t } from "../text/catalog.js";
import { debriefCards } from "../debrief/parts.js";
import { h, patch, type Child, type VNode } from "../ui/dom.js";
import { gameGlossary } from "../ui/glossary.js";
import { duration } from "../ui/setup-view.js";

export type PrintPart = "roles" | "guide" | "both";

/** The teacher token for this match: the link's #token= (main.ts took it out of the address), this match's, or this browser's key. */
function tokenFor(code: string, fromLink: string | null): string | null {
  if (fromLink) remembered.setTeacherToken(code, fromLink);
  return remembered.teacherToken(code) ?? remembered.teacherKey();
}

export async function runPrint(main: HTMLElement, code: string, part: PrintPart, fromLink: string | null): Promise<void> {
  document.documentElement.dataset.print = part;
  patch(main, [h("p", { class: "status", role: "status" }, t("print.loading"))]);
  const token = tokenFor(code, fromLink);
  // The scenario's words (role cards, dossiers, what happened) in this page's language.
  const address = `/api/matches/${encodeURIComponent(code)}/printables?lang=${encodeURIComponent(currentLanguage())}`;
  const response = token ? await fetch(address, { headers: { authorization: `Bearer ${token}` } }) : null;
  if (!response?.ok) {
    const body = response ? ((await response.json().catch(() => ({}))) as { error?: { message?: string } }) : {};
    patch(main, [h("h1", { class: "screen-heading" }, t("print.heading")), h("p", { class: "error", role: "alert" }, body.error?.message ?? t("rejection.not-teacher"))]);
    reportToE2e({ screen: "print" });
    return;
  }
  const data = (await response.json()) as Printables;
  document.title = t("print.documentTitle", { title: data.scenario.title, code });
  patch(main, renderPrint(data, part));
  reportToE2e({ screen: "print" });
}

function renderPrint(data: Printables, part: PrintPart): Child[] {
  const printButton = (which: "roles" | "guide") =>
    h(
      "button",
      {
        type: "button",
        class: "button button--primary",
        "data-testid": `print-${which}`,
        onclick: () => {
          // Only the chosen part prints; the other is hidden by the print stylesheet.
          document.documentElement.dataset.print = which;
          window.print();
          document.documentElement.dataset.print = part;
        },
      },
      t(which === "roles" ? "print.printRoles" : "print.printGuide"),
    );
  return [
    h(
      "div",
      { class: "print-tools card" },
      h("h1", { class: "screen-heading" }, t("print.heading")),
      h("p", null, t("print.intro", { count: data.roleCards.length })),
      h("div", { class: "button-row" }, printButton("roles"), printButton("guide")),
    ),
    part !== "guide" ? roleCards(data) : null,
    part !== "roles" ? guide(data) : null,
  ];
}

// ---- role cards ------------------------------------------------------------------------------

function roleCards(data: Printables): VNode {
  return h("section", { class: "print-roles", "aria-label": t("print.rolesHeading"), "data-testid": "role-cards" }, data.roleCards.map((card) => roleCard(data, card)));
}

function roleCard(data: Printables, card: PrintableRoleCard): VNode {
  const secret = [...card.secret.notes, ...card.secret.seesAllPayoffsOn.map((title) => t("print.seesAllPayoffs", { dossier: title }))];
  return h(
    "article",
    { class: "role-print", "data-key": card.id, "data-testid": `role-print-${card.id}` },
    h("p", { class: "role-print__game" }, t("print.cardFooter", { title: data.scenario.title, code: data.code })),
    h("h2", null, card.name, " ", h("span", { class: "role-print__short" }, `(${card.short})`)),
    h("p", { class: "role-print__facts" }, [t(`role.group.${card.group}`), card.home, t("role.income", { income: card.income }), t("role.delegates", { count: card.maxDelegates })].join(" · ")),
    h("p", null, card.card, " ", card.canTravelAlone ? t("role.travel.alone") : t("role.travel.sponsor")),
    h("h3", null, t("role.mandate")),
    h("p", null, card.mandate),
    card.publicInterestCase ? [h("h3", null, t("print.publicCase")), h("p", null, card.publicInterestCase)] : null,
    secret.length
      ? h(
          "section",
          { class: "role-print__secret", "data-testid": "role-secret" },
          h("h3", null, t("print.secretHeading")),
          h("ul", null, secret.map((line, i) => h("li", { "data-key": String(i) }, line))),
        )
      : h("p", { class: "role-print__nosecret" }, t("print.noSecret")),
  );
}

// ---- the teacher's guide ---------------------------------------------------------------------

/** The plan's timing for this match: a lesson plan's periods, or the teacher's own clocks in one sitting. */
function timingOf(data: Printables): { timing: PlanTiming; joinMinutes: number; printBeforehand: boolean; cards: readonly string[] } {
  // The same card list the match's debrief steps through ("tables compared" only with two tables or more).
  const all = debriefCards("all", data.plan.tables);
  const facts = { rounds: data.plan.rounds, reading: data.plan.readingSeconds, allCards: all.length };
  const preset = data.plan.preset;
  if (isPlanId(preset)) {
    const plan = LESSON_PLANS[preset];
    const cards = debriefCards(plan.debrief.cards, data.plan.tables);
    return { timing: planTiming(plan, facts), joinMinutes: plan.joinMinutes, printBeforehand: plan.printRoleCardsBeforehand, cards };
  }
  // Custom clocks, or a match from before the plans: the clocks as they are, then the whole debrief.
  const { briefing, ...clocks } = data.plan.timers;
  const base = LESSON_PLANS["seminar-90"];
  const timing = planTiming({ ...base, clocks, briefingAtLeast: briefing }, { ...facts, reading: 0 });
  const minutes = Math.ceil((timing.playSeconds + timing.debriefSeconds) / 60) + base.joinMinutes;
  return { timing: { ...timing, periods: [{ minutes, parts: ["join", "play", "debrief"], clockedSeconds: timing.playSeconds + timing.debriefSeconds, spareSeconds: base.joinMinutes * 60 }] }, joinMinutes: base.joinMinutes, printBeforehand: false, cards: all };
}

function partText(part: PeriodPart, timing: PlanTiming, joinMinutes: number): string {
  if (part === "join") return t("plan.part.join", { time: duration(joinMinutes * 60) });
  if (part === "play") return t("plan.part.play", { rounds: timing.rounds, round: duration(timing.roundSeconds), play: duration(timing.playSeconds) });
  return t("guide.debriefPart", { cards: timing.debriefCards, time: duration(timing.debriefSeconds) });
}

function questionsOf(card: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const key = `debrief.${card}.q${i}`;
    if (isMessageKey(key)) out.push(t(key));
  }
  return out;
}

function titleOf(card: string): string {
  const key = `debrief.${card}.title`;
  return isMessageKey(key) ? t(key) : card;
}

function guide(data: Printables): VNode {
  const { timing, joinMinutes, printBeforehand, cards } = timingOf(data);
  const lesson = data.scenario.lesson;
  const section = (id: string, heading: string, ...children: Child[]) => h("section", { class: "guide__section", "data-key": id, "data-testid": `guide-${id}` }, h("h2", null, heading), ...children);
  const planName = isMessageKey(`setup.timer.${data.plan.preset}`) ? t(`setup.timer.${data.plan.preset}` as "setup.timer.custom") : t("setup.timer.custom");
  const glossary = [...(lesson?.glossary ?? []), ...gameGlossary()].sort((a, b) => a.term.localeCompare(b.term));
  return h(
    "article",
    { class: "guide", "data-testid": "guide" },
    h("h1", null, t("guide.heading", { title: data.scenario.title })),
    h("p", { class: "guide__lead" }, data.scenario.summary),
    lesson ? section("objectives", t("guide.objectives"), h("ul", null, lesson.objectives.map((o, i) => h("li", { "data-key": String(i) }, o)))) : null,
    section("argument", t("guide.argument"), lesson ? lesson.argument.map((s, i) => h("p", { "data-key": String(i) }, s)) : null, h("p", { class: "guide__source" }, t("guide.source", { source: data.scenario.source }))),
    section(
      "timing",
      t("guide.timing", { plan: planName }),
      h(
        "table",
        { class: "guide__table" },
        h("tbody", null, timing.periods.map((period, i) => h("tr", { "data-key": String(i) }, h("th", { scope: "row" }, timing.periods.length > 1 ? t("plan.periodOf", { number: i + 1, minutes: period.minutes }) : t("plan.period", { minutes: period.minutes })), h("td", null, period.parts.map((p) => partText(p, timing, joinMinutes)).join(" · "))))),
      ),
      h("p", null, t("guide.clocks", { ...Object.fromEntries(PHASE_IDS.map((p) => [p, duration(timing.clocks[p])])), rounds: timing.rounds })),
      h("p", null, t("guide.reading", { reading: duration(data.plan.readingSeconds) })),
      printBeforehand ? h("p", { class: "guide__note" }, t("plan.printBeforehand")) : h("p", null, t("guide.printOptional")),
    ),
    section(
      "script",
      t("guide.script"),
      h(
        "dl",
        { class: "guide__script" },
        (["join", ...PHASE_IDS, "debrief"] as const).map((phase) => [h("dt", { "data-key": `t-${phase}` }, phase === "join" ? t("guide.phase.join") : phase === "debrief" ? t("debrief.title") : t(`phase.${phase}`)), h("dd", { "data-key": `d-${phase}` }, t(`guide.say.${phase}`, { publicInterest: data.scenario.publicInterest.name }))]),
      ),
    ),
    section(
      "dossiers",
      t("guide.dossiers"),
      data.scenario.dossiers.map((d) =>
        h("div", { class: "guide__dossier", "data-key": d.id }, h("h3", null, t("guide.round", { number: data.scenario.dossiers.indexOf(d) + 1, title: d.title, meeting: d.meeting })), h("p", null, d.question), h("ul", null, d.options.map((o) => h("li", { "data-key": o.id }, h("strong", null, `${o.id} ${o.title}: `), o.summary)))),
      ),
    ),
    section(
      "debrief",
      t("guide.debrief", { count: cards.length }),
      h("ol", { class: "guide__cards" }, cards.map((card) => h("li", { "data-key": card }, h("strong", null, titleOf(card)), h("ul", null, questionsOf(card).map((q, i) => h("li", { "data-key": String(i) }, q)))))),
    ),
    section("history", t("guide.history"), h("ul", null, data.scenario.whatHappened.map((w, i) => h("li", { "data-key": String(i) }, w)))),
    section("glossary", t("glossary.title"), h("dl", { class: "guide__glossary" }, glossary.map((g) => [h("dt", { "data-key": `t-${g.term}` }, g.term), h("dd", { "data-key": `d-${g.term}` }, g.meaning)]))),
  );
}
