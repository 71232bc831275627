// Pieces every match screen uses: the phase bar with its clock, the connection banner, role
// badges, rejections beside their control, the statements feed, positions, news and scores
// (what a decision means lives in ./outcome-view.ts).
import type { MatchView, PublicRole, TableView } from "../../shared/rules/view.js";
import { phaseName } from "../ctrl/announcements.js";
import type { MatchSession } from "../ctrl/session.js";
import { currentDossier, formatClock, optionTitle, remainingMs, roleById } from "../ctrl/selectors.js";
import { formatList, rejectionText, t } from "../text/catalog.js";
import { statementText } from "../ctrl/corridor-text.js";
import { h, type Child, type VNode } from "./dom.js";
import { groupStyle } from "./palette.js";

/** A role told apart by letters, a shape and a colour, with its full name for readers. */
export function roleBadge(role: PublicRole | undefined, withName = false): VNode {
  if (!role) return h("span", { class: "badge badge--none" }, "—");
  const style = groupStyle[role.group];
  return h(
    "span",
    { class: `badge badge--${role.group}`, title: role.name },
    h("span", { class: "badge__mark", "aria-hidden": "true", style: `background:${style.colour}` }, style.symbol, " ", role.short),
    withName ? h("span", { class: "badge__name" }, role.name) : h("span", { class: "visually-hidden" }, role.name),
  );
}

export function clockText(session: MatchSession, view: MatchView): string {
  const left = remainingMs(view, session.now());
  if (left === null) return t("clock.none");
  return view.clock.pausedRemaining !== null ? `${t("clock.paused")} ${formatClock(left)}` : formatClock(left);
}

/**
 * Round, phase and clock: what is happening and how long is left, on every screen. `compact`
 * (a phone) leaves the dossier's name to the page, so the sticky bar stays two lines high.
 */
export function phaseBar(session: MatchSession, view: MatchView, extra: Child = null, options: { compact?: boolean; venue?: boolean } = {}): VNode {
  const dossier = options.compact ? undefined : currentDossier(view);
  const running = view.status === "running";
  return h(
    "div",
    { class: options.compact ? "phase-bar phase-bar--compact" : "phase-bar" },
    h(
      "div",
      { class: "phase-bar__where" },
      running ? h("span", { class: "phase-bar__round" }, t(options.compact ? "round.short" : "round.label", { round: view.round + 1, rounds: view.scenario.dossiers.length })) : null,
      h("strong", { class: "phase-bar__phase", "data-testid": "phase" }, phaseName(view.phase)),
      running && dossier ? h("span", { class: "phase-bar__dossier" }, options.venue === false ? dossier.title : t("round.dossier", { title: dossier.title, meeting: dossier.venue.meeting, city: dossier.venue.city })) : null,
    ),
    running
      ? h(
          "div",
          { class: "clock", role: "timer", "aria-label": t("clock.label") },
          h("span", { class: "clock__label" }, t("clock.label")),
          h("span", { class: "clock__time", "data-testid": "clock" }, clockText(session, view)),
        )
      : null,
    extra,
  );
}

/** Takeover notices the student has put away with OK. */
const seen = new WeakSet<object>();

export function connectionBanner(session: MatchSession): VNode | null {
  if (session.status === "online") {
    // The server says this seat was just opened on another device too (its seat secret).
    const notice = session.connection.notice;
    if (notice?.code !== "seat-taken-over" || seen.has(notice)) return null;
    // Often it is the student's own laptop: once read, OK puts the warning away (a later
    // takeover is a new notice and shows again).
    return h(
      "div",
      { class: "banner banner--warning", role: "alert", "data-testid": "seat-taken-over" },
      t("connection.takenOver"),
      " ",
      h("button", { type: "button", class: "button button--small", onClick: () => (seen.add(notice), session.refresh()) }, t("notice.dismiss")),
    );
  }
  if (session.status === "closed") {
    const left = session.connection.notice?.code === "left";
    return h("div", { class: "banner banner--warning", role: "alert", "data-testid": "seat-closed" }, t(left ? "connection.left" : "connection.removed"));
  }
  const key = session.status === "connecting" ? "connection.connecting" : session.status === "reconnecting" ? "connection.reconnecting" : "connection.offline";
  return h("div", { class: "banner banner--warning", role: "status" }, t(key, { code: session.connection.code }));
}

/** The rejection of `control`, in plain words, right under it. */
export function errorFor(session: MatchSession, control: string): VNode | null {
  const error = session.errors.get(control);
  if (!error) return null;
  return h("p", { class: "error", id: `${control}-error`, role: "alert", "data-control": control }, rejectionText(error.code, error.params));
}

export function describedBy(session: MatchSession, control: string): string | null {
  return session.errors.has(control) ? `${control}-error` : null;
}

/** A form whose submit goes to `submit`; it is cleared when the server accepted it. */
export function actionForm(
  session: MatchSession,
  control: string,
  submit: (data: FormData) => Promise<boolean> | undefined,
  children: Child[],
  className = "action-form",
): VNode {
  return h(
    "form",
    {
      class: className,
      "data-control": control,
      "aria-busy": session.pending.has(control) ? "true" : null,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const done = submit(new FormData(form));
        void done?.then((ok) => ok && form.reset());
      },
    },
    ...children,
    errorFor(session, control),
  );
}

/**
 * A labelled control: the label names it by `for`, not by wrapping it, so its accessible
 * name is exactly the label's words (a wrapped select would add its chosen option's text).
 */
export function field(id: string, text: string, control: VNode): VNode {
  return h("div", { class: "field" }, h("label", { for: id }, text), { ...control, props: { ...control.props, id } });
}

export function button(session: MatchSession, control: string, label: string, onclick: () => void, props: Record<string, string | boolean | null> = {}): VNode {
  return h(
    "button",
    {
      type: "button",
      class: "button button--secondary",
      "data-control": control,
      "aria-describedby": describedBy(session, control),
      disabled: session.pending.has(control),
      onclick,
      ...props,
    },
    label,
  );
}

export function statementsFeed(view: MatchView, table: TableView | undefined, limit = 30): VNode {
  const said = (table?.statements ?? []).filter((s) => s.round === view.round).slice(-limit).reverse();
  return h(
    "section",
    { class: "feed", "data-key": "feed", "aria-labelledby": "feed-heading" },
    h("h2", { id: "feed-heading" }, t("negotiation.statements")),
    said.length === 0
      ? h("p", { class: "hint" }, t("negotiation.noStatements"))
      : h(
          "ol",
          { class: "feed__list" },
          said.map((s) =>
            h(
              "li",
              { "data-key": s.id, class: `feed__item feed__item--${s.kind}` },
              roleBadge(roleById(view, s.role)),
              s.kind === "remote" ? h("span", { class: "feed__mark" }, t("negotiation.remoteMark")) : null,
              h("span", { class: "feed__text" }, statementText(view, s)),
            ),
          ),
        ),
  );
}

export function tabledList(view: MatchView, table: TableView | undefined): VNode {
  const dossier = currentDossier(view);
  const tabled = table?.rounds[view.round]?.tabled ?? [];
  return h(
    "section",
    { class: "tabled", "data-key": "tabled", "aria-labelledby": "tabled-heading" },
    h("h2", { id: "tabled-heading" }, t("negotiation.tabled")),
    tabled.length === 0
      ? h("p", { class: "hint" }, t("table.nothingTabled"))
      : [
          tabled.length === dossier?.options.length ? h("p", { class: "hint", "data-key": "all" }, t("table.everythingTabled")) : null,
          h(
            "ul",
            { class: "tabled__list", "data-key": "list" },
            tabled.map((x) =>
              h("li", { "data-key": x.option }, h("strong", null, x.option), " ", t("negotiation.tabledBy", { option: optionTitle(dossier, x.option), role: roleById(view, x.by)?.short ?? x.by })),
            ),
          ),
        ],
  );
}

export function payoffWords(value: number): string {
  if (value > 0) return t("payoff.positive", { value: signed(value) });
  if (value < 0) return t("payoff.negative", { value: signed(value) });
  return t("payoff.zero");
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0";
}

/** Everyone's declared stance on one option: positions are public. */
export function positionsOf(view: MatchView, positions: Record<string, Record<string, string>>, option: string): VNode {
  const stated = view.scenario.roles.filter((r) => positions[r.id]?.[option]);
  return h(
    "p",
    { class: "positions" },
    stated.map((r) => h("span", { "data-key": r.id, class: `position position--${positions[r.id]?.[option]}` }, `${r.short}: ${t(`decision.${positions[r.id]?.[option] as "support"}`)}`)),
  );
}

/**
 * The same stances grouped for the projector: "✓ Support" and the roles that support, one line per
 * stance, so nine delegations on four options stay a few lines a room can count at a glance
 * (a chip per delegation took three lines per option and pushed the last option off 1080 lines).
 */
export function positionGroupsOf(view: MatchView, positions: Record<string, Record<string, string>>, option: string): VNode {
  const stances = ["support", "live", "object"] as const;
  return h(
    "p",
    { class: "positions positions--grouped" },
    stances.map((stance) => {
      const roles = view.scenario.roles.filter((r) => positions[r.id]?.[option] === stance).map((r) => r.short);
      return roles.length ? h("span", { "data-key": stance, class: `position position--${stance}` }, h("strong", null, t(`decision.${stance}`)), " ", formatList(roles)) : null;
    }),
  );
}

/** News from the teacher this round, newest first (older rounds' news stays in the past). */
export function newsList(view: MatchView): VNode | null {
  const items = [...view.news].reverse().slice(0, 5);
  if (!items.length) return null;
  return h(
    "section",
    { class: "card news", "data-key": "news", "aria-labelledby": "news-heading" },
    h("h2", { id: "news-heading" }, t("news.heading")),
    h("ul", { class: "news__list" }, items.map((n) => h("li", { "data-key": n.id }, n.text))),
  );
}

export function scoresTable(view: MatchView, table: TableView, highlight: string | null): VNode {
  const rows = [...table.scores].sort((a, b) => b.total - a.total);
  const head = h("tr", null, [t("score.role"), t("score.mandate"), t("score.standing"), t("score.total")].map((label) => h("th", { scope: "col" }, label)));
  const body = rows.map((s) =>
    h(
      "tr",
      { "data-key": s.role, class: s.role === highlight ? "scores__mine" : null },
      h("th", { scope: "row" }, roleBadge(roleById(view, s.role), true)),
      h("td", null, round1(s.mandate)),
      h("td", null, round1(s.standing)),
      h("td", null, h("strong", null, round1(s.total))),
    ),
  );
  const caption = view.tables.length > 1 ? `${t("score.heading")} — ${t("outcome.table", { table: table.index + 1 })}` : t("score.heading");
  return h("div", { class: "scroll-x", "data-key": `scores-${table.index}` }, h("table", { class: "scores" }, h("caption", null, caption), h("thead", null, head), h("tbody", null, body)));
}

export function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function liveRegion(session: MatchSession): VNode {
  return h("p", { class: "visually-hidden", "aria-live": "polite", "data-testid": "announcer" }, session.announcement.text);
}
