// Renders the replay from its controller: the controls, the timeline with its key moments,
// what the chosen viewer saw at that moment, the debrief at the end, and the text mode. It
// never changes anything itself; every control calls a controller verb.
import type { MarkerKind } from "../../shared/replay/timeline.js";
import type { MatchView, TableView } from "../../shared/rules/view.js";
import { phaseName } from "../ctrl/announcements.js";
import { currentDossier, formatClock, optionTitle, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { rt } from "../text/replay-en.js";
import { h, type Child, type VNode } from "../ui/dom.js";
import { roleBadge, scoresTable } from "../ui/parts.js";
import { score, signed } from "../debrief/format.js";
import { describeEvent } from "./describe.js";
import { renderKeyHelp } from "./keyboard.js";
import { SPEEDS, viewChoiceOf, viewChoiceText, type ReplayController, type Speed } from "./replay-controller.js";
import { corridorText, statementText } from "../ctrl/corridor-text.js";

/** A glyph per kind, so colour never carries the meaning alone. */
const markerGlyph: Record<MarkerKind, string> = {
  round: "▍",
  "fellowship-offered": "✈",
  "fellowship-accepted": "✔",
  grant: "$",
  tabled: "▤",
  "position-flip": "↺",
  decision: "⚖",
  capture: "!",
  news: "✉",
  end: "■",
};

export interface ReplayActions {
  share(): void;
}

export function renderReplay(ctrl: ReplayController, actions: ReplayActions): Child[] {
  const view = ctrl.view;
  return [
    h(
      "header",
      { class: "replay__header" },
      h("h1", { class: "replay__title", tabindex: "-1", id: "replay-heading" }, rt("replay.title", { code: ctrl.code }), view.settings.classLabel ? ` · ${view.settings.classLabel}` : ""),
      ctrl.access === "teacher" ? h("a", { class: "replay__back", href: "/matches" }, rt("replay.back")) : null,
    ),
    controls(ctrl, actions),
    timeline(ctrl),
    momentLine(ctrl, view),
    renderKeyHelp(ctrl),
    ctrl.loadError ? h("p", { class: "error", role: "alert" }, rt("replay.momentFailed", { reason: ctrl.loadError })) : null,
    ctrl.textMode ? textMode(ctrl) : panels(ctrl, view),
    ctrl.finalHash
      ? h("p", { class: "hint replay__verified", "data-testid": "replay-verified", "data-hash": ctrl.finalHash }, rt("replay.verified", { hash: ctrl.finalHash }))
      : h("p", { class: "hint replay__verified", "data-testid": "replay-computed" }, rt("replay.computed")),
    ctrl.source.imported
      ? h("p", { class: "hint replay__provenance", "data-testid": "replay-provenance", "data-imported": ctrl.source.imported }, rt(ctrl.source.imported === "verified" ? "replay.importedVerified" : "replay.importedChecked"))
      : null,
  ];
}

function iconButton(label: string, glyph: string, onclick: () => void, props: Record<string, string | boolean | null> = {}): VNode {
  return h("button", { type: "button", class: "button button--secondary replay__button", "aria-label": label, title: label, onclick, ...props }, h("span", { "aria-hidden": "true" }, glyph));
}

function controls(ctrl: ReplayController, actions: ReplayActions): VNode {
  const roles = ctrl.roleChoices();
  const multi = roles.some((r) => r.table > 0);
  return h(
    "div",
    { class: "replay__controls", role: "toolbar", "aria-label": rt("replay.controls") },
    h(
      "div",
      { class: "replay__transport" },
      iconButton(rt("replay.first"), "⇤", () => ctrl.first()),
      iconButton(rt("replay.previousMarker"), "◆◀", () => ctrl.previousMarker()),
      iconButton(rt("replay.previous"), "‹", () => ctrl.step(-1)),
      iconButton(ctrl.playing ? rt("replay.pause") : rt("replay.play"), ctrl.playing ? "❚❚" : "▶", () => ctrl.togglePlay(), { "data-testid": "replay-play" }),
      iconButton(rt("replay.next"), "›", () => ctrl.step(1)),
      iconButton(rt("replay.nextMarker"), "▶◆", () => ctrl.nextMarker()),
      iconButton(rt("replay.last"), "⇥", () => ctrl.last()),
    ),
    h(
      "label",
      { class: "replay__field" },
      rt("replay.speed"),
      h(
        "select",
        { onchange: (e: Event) => ctrl.setSpeed(Number((e.target as HTMLSelectElement).value) as Speed) },
        SPEEDS.map((s) => h("option", { value: s, selected: s === ctrl.speed }, rt("replay.speedValue", { speed: s }))),
      ),
    ),
    h(
      "label",
      { class: "replay__field replay__field--view" },
      rt("replay.viewAs"),
      h(
        "select",
        {
          "data-testid": "replay-view",
          onchange: (e: Event) => {
            const choice = viewChoiceOf((e.target as HTMLSelectElement).value);
            if (choice) ctrl.setView(choice);
          },
        },
        h("option", { value: "projector", selected: ctrl.choice.kind === "projector" }, rt("replay.view.projector")),
        ctrl.access === "teacher" ? h("option", { value: "everything", selected: ctrl.choice.kind === "everything" }, rt("replay.view.everything")) : null,
        roles.map((r) => {
          const value = viewChoiceText({ kind: "role", table: r.table, role: r.role });
          return h("option", { value, selected: value === viewChoiceText(ctrl.choice) }, multi ? rt("replay.view.role", { table: r.table + 1, short: r.short, name: r.name }) : `${r.short} — ${r.name}`);
        }),
      ),
    ),
    h(
      "div",
      { class: "replay__more" },
      h("button", { type: "button", class: "button button--secondary", "aria-pressed": ctrl.textMode ? "true" : "false", onclick: () => ctrl.toggleTextMode() }, ctrl.textMode ? rt("replay.textModeOff") : rt("replay.textMode")),
      h("button", { type: "button", class: "button button--secondary", "aria-expanded": ctrl.helpOpen ? "true" : "false", onclick: () => ctrl.toggleHelp() }, rt("replay.keysButton")),
      ctrl.access === "teacher" ? h("button", { type: "button", class: "button button--secondary", onclick: () => actions.share() }, rt("replay.share")) : null,
    ),
    ctrl.shareLink ? h("p", { class: "replay__share", role: "status" }, rt("replay.shareReady"), " ", h("a", { href: ctrl.shareLink, "data-testid": "replay-share-link" }, ctrl.shareLink)) : null,
  );
}

/** Key moments close together go to separate lanes, so a button never hides another. */
const LANES = 3;
const CLOSE = 0.08;

function lanesOf(positions: number[]): number[] {
  const last: number[] = Array.from({ length: LANES }, () => -1);
  return positions.map((p) => {
    let lane = last.findIndex((x) => p - x >= CLOSE);
    if (lane < 0) lane = last.indexOf(Math.min(...last));
    last[lane] = p;
    return lane;
  });
}

function timeline(ctrl: ReplayController): VNode {
  const span = Math.max(1, ctrl.length - 1);
  const left = (at: number) => `left:${(((at - 1) / span) * 100).toFixed(3)}%`;
  const lanes = lanesOf(ctrl.markers.map((m) => (m.at - 1) / span));
  const used = Math.max(1, ...lanes.map((l) => l + 1));
  return h(
    "section",
    { class: "replay__timeline", "aria-label": rt("replay.timeline"), style: `--lanes:${used}` },
    h("input", {
      type: "range",
      class: "replay__scrubber",
      min: 1,
      max: ctrl.length,
      step: 1,
      "aria-label": rt("replay.scrubber"),
      "aria-valuetext": rt("replay.moment", { at: ctrl.moment, total: ctrl.length }),
      "data-testid": "replay-scrubber",
      "data-value": ctrl.moment,
      oninput: (e: Event) => ctrl.jump(Number((e.target as HTMLInputElement).value)),
    }),
    h(
      "ol",
      { class: "replay__markers", "aria-label": rt("replay.markers") },
      ctrl.markers.map((m, i) =>
        h(
          "li",
          { "data-key": `m${i}`, class: "replay__marker-slot", style: `${left(m.at)};--lane:${lanes[i]}` },
          h(
            "button",
            {
              type: "button",
              class: `replay__marker replay__marker--${m.kind}${m.at === ctrl.moment ? " replay__marker--current" : ""}`,
              "aria-label": rt("replay.markerButton", { label: m.label, at: m.at }),
              "aria-current": m.at === ctrl.moment ? "step" : null,
              title: m.label,
              "data-at": m.at,
              "data-kind": m.kind,
              onclick: () => ctrl.jump(m.at),
            },
            h("span", { "aria-hidden": "true" }, markerGlyph[m.kind]),
          ),
        ),
      ),
    ),
    // Same coordinates as the markers' box, which is inset by 0.5rem on each side.
    h("div", { class: "replay__cursor", style: `left:calc(0.5rem + (100% - 1rem) * ${((ctrl.moment - 1) / span).toFixed(5)})`, "aria-hidden": "true" }),
  );
}

function momentLine(ctrl: ReplayController, view: MatchView): VNode {
  const event = ctrl.eventAt();
  const now = ctrl.timeOf();
  const start = ctrl.timeOf(1);
  const elapsed = now !== null && start !== null ? [rt("replay.elapsed", { time: formatClock(Math.max(0, now - start)) }), " · "] : [];
  return h(
    "div",
    { class: "replay__moment", "aria-busy": ctrl.loading ? "true" : "false" },
    h("p", { class: "replay__where", "data-testid": "replay-moment", "data-moment": ctrl.moment }, rt("replay.moment", { at: ctrl.moment, total: ctrl.length }), " · ", ...elapsed, where(view)),
    h("p", { class: "replay__now", "aria-live": "polite", "data-testid": "replay-now" }, h("strong", null, rt("replay.now"), ": "), event ? describeEvent(event, ctrl.choice, view) : ctrl.loading ? rt("replay.loadingMoment") : ""),
  );
}

function where(view: MatchView): string {
  if (view.status === "lobby") return rt("replay.lobby");
  if (view.status === "ended") return phaseName("ended");
  const dossier = currentDossier(view);
  return `${rt("replay.round", { round: view.round + 1, rounds: view.scenario.dossiers.length, phase: phaseName(view.phase) })}${dossier ? ` · ${rt("replay.dossier", { title: dossier.title, meeting: dossier.venue.meeting, city: dossier.venue.city })}` : ""}`;
}

function panels(ctrl: ReplayController, view: MatchView): VNode {
  const tables = ctrl.choice.kind === "role" ? view.tables.filter((x) => x.index === ctrl.tableIndex()) : view.tables;
  const latestNews = view.news.at(-1);
  return h(
    "div",
    { class: "replay__panels" },
    latestNews ? h("p", { class: "banner banner--news" }, rt("replay.news"), ": ", latestNews.text) : null,
    view.briefing ? briefing(view) : null,
    tables.map((table) =>
      h(
        "section",
        { "data-key": `table-${table.index}`, class: "replay__table card", "aria-label": rt("replay.tableHeading", { table: table.index + 1, rule: t(`rule.short.${table.rule}`) }) },
        view.tables.length > 1 ? h("h2", null, rt("replay.tableHeading", { table: table.index + 1, rule: t(`rule.short.${table.rule}`) })) : null,
        tabled(view, table),
        statements(view, table),
        corridor(view, table),
        money(view, table),
      ),
    ),
    view.status === "ended" ? debriefSummary(ctrl, view) : null,
  );
}

function briefing(view: MatchView): VNode {
  const b = view.briefing!;
  const role = roleById(view, b.role);
  return h("details", { class: "replay__briefing card" }, h("summary", null, rt("replay.briefing", { role: role?.short ?? b.role })), h("ul", null, b.notes.map((n) => h("li", null, n))));
}

function tabled(view: MatchView, table: TableView): VNode {
  const round = table.rounds[view.round];
  const dossier = currentDossier(view);
  const list = round?.tabled ?? [];
  const count = (option: string, stance: string) => Object.values(round?.positions ?? {}).filter((p) => p[option] === stance).length;
  return h(
    "section",
    { class: "replay__section" },
    h("h3", null, rt("replay.tabled")),
    list.length === 0
      ? h("p", { class: "hint" }, rt("replay.nothingTabled"))
      : h(
          "ul",
          null,
          list.map((x) =>
            h(
              "li",
              { "data-key": x.option },
              h("strong", null, x.option), " ", optionTitle(dossier, x.option), " — ", roleById(view, x.by)?.short ?? x.by,
              h("br"),
              h("span", { class: "hint" }, rt("replay.positions", { option: x.option, support: count(x.option, "support"), live: count(x.option, "live"), object: count(x.option, "object") })),
            ),
          ),
        ),
  );
}

function statements(view: MatchView, table: TableView): VNode {
  const said = table.statements.filter((s) => s.round === view.round).slice(-12).reverse();
  return h(
    "section",
    { class: "replay__section", "data-testid": "replay-statements" },
    h("h3", null, rt("replay.statements")),
    said.length === 0
      ? h("p", { class: "hint" }, rt("replay.noStatements"))
      : h("ol", { class: "feed__list" }, said.map((s) => h("li", { "data-key": s.id, class: `feed__item feed__item--${s.kind}` }, roleBadge(roleById(view, s.role)), s.kind === "remote" ? h("span", { class: "feed__mark" }, t("negotiation.remoteMark")) : null, h("span", { class: "feed__text" }, statementText(view, s))))),
  );
}

function corridor(view: MatchView, table: TableView): VNode | null {
  if (view.viewer === "projector") return null;
  const heard = table.corridor.filter((c) => c.round === view.round).slice(-12).reverse();
  return h(
    "section",
    { class: "replay__section", "data-testid": "replay-corridor" },
    h("h3", null, rt("replay.corridor")),
    heard.length === 0
      ? h("p", { class: "hint" }, rt("replay.noCorridor"))
      : h(
          "ol",
          { class: "feed__list" },
          heard.map((c) =>
            h(
              "li",
              { "data-key": c.id, class: "feed__item feed__item--corridor" },
              h("span", { class: "feed__mark" }, rt("replay.corridorLine", { from: roleById(view, c.from)?.short ?? c.from, to: roleById(view, c.to)?.short ?? c.to })),
              c.interceptedBy ? h("span", { class: "feed__mark" }, ` (${rt("replay.intercepted", { role: c.interceptedBy })})`) : null,
              h("span", { class: "feed__text" }, " ", corridorText(view, c)),
            ),
          ),
        ),
  );
}

function money(view: MatchView, table: TableView): VNode | null {
  if (view.viewer === "projector" && view.status !== "ended") return null;
  const trips = table.fellowships.map((f) => h("li", { "data-key": f.id }, rt("replay.fellowship", { from: f.from, to: f.to, cost: f.cost, status: t(`offer.status.${f.status}`) })));
  const grants = table.grants.map((g) => h("li", { "data-key": g.id }, rt("replay.grant", { from: g.from, to: g.to, amount: g.amount })));
  return h("section", { class: "replay__section" }, h("h3", null, rt("replay.money")), trips.length + grants.length === 0 ? h("p", { class: "hint" }, rt("replay.noMoney")) : h("ul", null, trips, grants));
}

function debriefSummary(ctrl: ReplayController, view: MatchView): VNode {
  const analysis = ctrl.analysis;
  return h(
    "section",
    { class: "replay__debrief card", "aria-labelledby": "replay-debrief-heading", "data-testid": "replay-debrief" },
    h("h2", { id: "replay-debrief-heading" }, rt("replay.debrief")),
    h("p", { class: "hint" }, rt("replay.debriefLead")),
    analysis.tables.map((tb) => {
      const table = view.tables.find((x) => x.index === tb.table);
      return h(
        "div",
        { "data-key": `d${tb.table}` },
        analysis.tables.length > 1 ? h("h3", null, rt("replay.tableHeading", { table: tb.table + 1, rule: t(`rule.short.${tb.rule}`) })) : null,
        h(
          "ul",
          null,
          tb.outcomes.map((o) => {
            const dossier = view.scenario.dossiers[o.round];
            return h(
              "li",
              { "data-key": o.dossier },
              o.adopted === null
                ? rt("replay.notDecided", { dossier: dossier?.title ?? o.dossier })
                : rt("replay.outcome", {
                    dossier: dossier?.title ?? o.dossier,
                    adopted: `${o.adopted} ${optionTitle(dossier, o.adopted)}`,
                    by: o.by ? t(`outcome.by.${o.by}`) : "",
                    score: score(o.publicInterest ?? 0),
                    best: score(o.best.publicInterest),
                    bestOption: o.best.option,
                  }),
            );
          }),
        ),
        tb.marks.length === 0
          ? h("p", { class: "hint" }, rt("replay.noFlags"))
          : h(
              "ul",
              null,
              tb.marks.map((m) =>
                h(
                  "li",
                  { "data-key": m.id },
                  rt("replay.flag", {
                    recipient: m.role,
                    before: t(`debrief.stance.${m.before.stance}`),
                    after: t(`debrief.stance.${m.after.stance}`),
                    option: m.option,
                    funders: m.funders.map((f) => f.role).join(", "),
                    payoff: signed(m.payoff),
                    better: m.better.map((b) => `${b.option} (${signed(b.payoff)})`).join(", "),
                  }),
                  analysis.review[m.id] ? ` ${rt("replay.setAside", { reason: analysis.review[m.id]!.reason })}` : "",
                ),
              ),
            ),
        table ? h("div", { class: "scroll-x" }, scoresTable(view, table, ctrl.choice.kind === "role" ? ctrl.choice.role : null)) : null,
      );
    }),
    view.scenario.whatHappened.length ? h("details", null, h("summary", null, t("ended.whatHappened")), h("ul", null, view.scenario.whatHappened.map((w) => h("li", null, w)))) : null,
  );
}

/** Text mode: the key moments and the events around the current one, as lists a screen reader walks. */
function textMode(ctrl: ReplayController): VNode {
  const { from, to } = ctrl.window();
  const events = ctrl.eventsInWindow();
  return h(
    "div",
    { class: "replay__text", "data-testid": "replay-text" },
    h(
      "section",
      { "aria-labelledby": "replay-keymoments" },
      h("h2", { id: "replay-keymoments" }, rt("replay.markers")),
      h("ol", null, ctrl.markers.map((m, i) => h("li", { "data-key": `k${i}` }, h("button", { type: "button", class: "link-button", "aria-current": m.at === ctrl.moment ? "step" : null, onclick: () => ctrl.jump(m.at) }, `${m.at}: ${m.label}`)))),
    ),
    h(
      "section",
      { "aria-labelledby": "replay-events" },
      h("h2", { id: "replay-events" }, rt("replay.events")),
      h("p", { class: "hint" }, rt("replay.eventsWindow", { from, to, total: ctrl.length })),
      from > 1 ? h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.jump(from - 1) }, rt("replay.earlier")) : null,
      h(
        "ol",
        { start: from, class: "replay__events" },
        events.map((e, i) => {
          const at = from + i;
          return h(
            "li",
            { "data-key": `e${at}` },
            h("button", { type: "button", class: "link-button", "aria-current": at === ctrl.moment ? "step" : null, onclick: () => ctrl.jump(at) }, e ? describeEvent(e, ctrl.choice, ctrl.view) : rt("replay.loadingMoment"), at === ctrl.moment ? ` ${rt("replay.current")}` : ""),
          );
        }),
      ),
      to < ctrl.length ? h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.jump(to + 1) }, rt("replay.later")) : null,
    ),
  );
}
