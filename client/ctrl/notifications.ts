// What just arrived for a student, for the notification area at the top of the phone: news
// from the teacher, a fellowship offer, a private corridor message, a grant, a teacher's
// notice (clock paused or extended, muted, a role given, a drafting seat). Derived from the
// difference between two views, so it holds no rule of the game; it only remembers what the
// student dismissed or read. No DOM here: the view renders `visible()` and calls the verbs.
import type { MatchView } from "../../shared/rules/view.js";
import { t } from "../text/catalog.js";
import { roleById, tableAt } from "./selectors.js";
import { corridorText, noteText } from "./corridor-text.js";

export type NoticeKind = "news" | "offer" | "corridor" | "grant" | "teacher";

export interface Notice {
  /** Stable across renders: "news:n4", "offer:f2", "corridor:c7"… */
  readonly id: string;
  readonly kind: NoticeKind;
  readonly title: string;
  readonly text: string;
  /** Local time it arrived (ms). */
  readonly at: number;
  /** Hidden by itself after this local time; null: stays until dismissed or no longer true. */
  readonly expiresAt: number | null;
  /** The page section that holds the full thing (the offer's buttons, the corridor thread). */
  readonly target: string | null;
  /** For a corridor message: who to reply to. */
  readonly replyTo?: string;
}

/** News and teacher notices fade after this long; offers and messages wait for the student. */
export const NOTICE_LIFETIME_MS = 60_000;
/** At most this many notices show at once, newest first; the rest wait below a count. */
export const MAX_VISIBLE_NOTICES = 2;

export class Notifications {
  #items: Notice[] = [];
  #dismissed = new Set<string>();
  #readCorridor = new Set<string>();
  #previous: MatchView | null = null;

  constructor(private readonly clock: () => number = () => Date.now()) {}

  /** Takes the newest view; anything new for this student becomes a notice. */
  update(view: MatchView): void {
    const before = this.#previous;
    this.#previous = view;
    if (before === view) return;
    const now = this.clock();
    const add = (notice: Omit<Notice, "at">) => {
      if (!this.#items.some((n) => n.id === notice.id)) this.#items.push({ ...notice, at: now });
    };
    const role = view.me?.role ?? null;
    const table = tableAt(view, view.me?.table);
    const name = (id: string) => roleById(view, id)?.name ?? id;
    const short = (id: string) => roleById(view, id)?.short ?? id;

    // Offers and messages that still wait for an answer show even on the first view (after a
    // reload); news and notices only when they arrive while the student is here.
    for (const offer of table?.fellowships ?? []) {
      if (offer.to !== role || offer.status !== "offered") continue;
      add({ id: `offer:${offer.id}`, kind: "offer", title: t("notice.offer.title"), text: t("notice.offer.text", { sponsor: name(offer.from) }), expiresAt: null, target: "offers-heading" });
    }
    if (!before) {
      for (const message of table?.corridor ?? []) this.#readCorridor.add(message.id);
      return;
    }
    const beforeTable = tableAt(before, before.me?.table);
    const known = new Set(beforeTable?.corridor.map((c) => c.id));
    for (const message of table?.corridor ?? []) {
      if (known.has(message.id) || message.from === role) continue;
      const title = message.to === role ? t("notice.corridor.title", { from: short(message.from) }) : t("notice.intercepted.title", { from: short(message.from), to: short(message.to) });
      add({ id: `corridor:${message.id}`, kind: "corridor", title, text: corridorText(view, message), expiresAt: null, target: "corridor-heading", replyTo: message.to === role ? message.from : undefined });
    }
    const grantsBefore = new Set(beforeTable?.grants.map((g) => g.id));
    for (const grant of table?.grants ?? []) {
      if (grant.to !== role || grantsBefore.has(grant.id)) continue;
      add({ id: `grant:${grant.id}`, kind: "grant", title: t("notice.grant.title"), text: t("notice.grant.text", { donor: name(grant.from), amount: grant.amount, note: noteText(view, grant) }), expiresAt: now + NOTICE_LIFETIME_MS, target: null });
    }
    const newsBefore = new Set(before.news.map((n) => n.id));
    for (const item of view.news) {
      if (!newsBefore.has(item.id)) add({ id: `news:${item.id}`, kind: "news", title: t("notice.news.title"), text: item.text, expiresAt: now + NOTICE_LIFETIME_MS, target: null });
    }
    for (const text of teacherNotices(before, view)) {
      add({ id: `teacher:${now}:${text}`, kind: "teacher", title: t("notice.teacher.title"), text, expiresAt: now + NOTICE_LIFETIME_MS, target: null });
    }
  }

  /** What the notification area shows now: newest first, without the dismissed, faded or settled. */
  visible(): Notice[] {
    const now = this.clock();
    const view = this.#previous;
    const table = view ? tableAt(view, view.me?.table) : undefined;
    const open = new Set((table?.fellowships ?? []).filter((f) => f.status === "offered").map((f) => `offer:${f.id}`));
    return this.#items
      .filter((n) => !this.#dismissed.has(n.id))
      .filter((n) => n.expiresAt === null || n.expiresAt > now)
      .filter((n) => n.kind !== "offer" || open.has(n.id))
      .filter((n) => n.kind !== "corridor" || !this.#readCorridor.has(n.id.slice("corridor:".length)))
      // Corridor talk belongs to the negotiation and the decision; afterwards it is history.
      .filter((n) => n.kind !== "corridor" || view?.phase === "negotiation" || view?.phase === "decision")
      .reverse();
  }

  dismiss(id: string): void {
    this.#dismissed.add(id);
    if (id.startsWith("corridor:")) this.#readCorridor.add(id.slice("corridor:".length));
  }

  /** The student looked at the corridor thread: every message in it is read. */
  markCorridorRead(): void {
    const view = this.#previous;
    for (const message of (view && tableAt(view, view.me?.table)?.corridor) || []) this.#readCorridor.add(message.id);
  }

  /** Private messages to this student not read yet: the badge on "Messages". */
  unreadCorridor(): number {
    const view = this.#previous;
    const role = view?.me?.role ?? null;
    const table = view ? tableAt(view, view.me?.table) : undefined;
    return (table?.corridor ?? []).filter((c) => c.from !== role && !this.#readCorridor.has(c.id)).length;
  }
}

/** Things the teacher did that concern this student, in words. */
function teacherNotices(before: MatchView, after: MatchView): string[] {
  const said: string[] = [];
  const samePhase = before.phase === after.phase && before.round === after.round;
  if (samePhase && after.status === "running") {
    if (before.clock.pausedRemaining === null && after.clock.pausedRemaining !== null) said.push(t("notice.teacher.paused"));
    else if (before.clock.pausedRemaining !== null && after.clock.pausedRemaining === null) said.push(t("notice.teacher.resumed"));
    else if (before.clock.deadline !== null && after.clock.deadline !== null && after.clock.deadline - before.clock.deadline >= 1000) {
      said.push(t("notice.teacher.extended", { seconds: Math.round((after.clock.deadline - before.clock.deadline) / 1000) }));
    }
  }
  if (before.me && after.me) {
    if (!before.me.muted && after.me.muted) said.push(t("notice.teacher.muted"));
    if (before.me.muted && !after.me.muted) said.push(t("notice.teacher.unmuted"));
    if (after.me.role && (before.me.role !== after.me.role || before.me.table !== after.me.table)) {
      said.push(t("notice.teacher.role", { role: roleById(after, after.me.role)?.name ?? after.me.role }));
    }
    const round = (view: MatchView) => tableAt(view, view.me?.table)?.rounds[view.round];
    const role = after.me.role;
    if (role && samePhase && !round(before)?.drafting.includes(role) && round(after)?.drafting.includes(role)) said.push(t("notice.teacher.drafting"));
  }
  return said;
}
