// The debrief's state and verbs, shared by the host, projector and student screens. The card
// and part on show, the nicknames switch and the marks the teacher set aside live on the
// server (MatchView.debrief), so every screen follows the teacher; the analysis itself is
// fetched once when the match has ended. Sub-score weights are this device's own: the class
// tries them out on the projector, a student on a phone, and nothing is recorded.
import { activeMarks, compare, EQUAL_WEIGHTS, type Comparison, type Debrief, type Mark, type TableDebrief } from "../../shared/analysis/debrief.js";
import type { MatchView, PublicRole } from "../../shared/rules/view.js";
import type { MatchSession } from "../ctrl/session.js";
import { roleById } from "../ctrl/selectors.js";
import { remembered } from "../net/storage.js";
import { currentLanguage, isMessageKey, rejectionText, t } from "../text/catalog.js";
import type { DebriefCard } from "../text/debrief-en.js";
import { LESSON_PLANS, isPlanId } from "../../shared/rules/lesson-plans.js";
import { bindDebriefKeys } from "./debrief-keys.js";
import { debriefCards, partFor, partsOf, type Part } from "./parts.js";

export type DebriefAudience = "teacher" | "projector" | "student";

export class DebriefController {
  data: Debrief | null = null;
  loading = false;
  failure: string | null = null;
  /** The teacher's export switch: pseudonyms unless they untick it. */
  pseudonymise = true;
  exporting: "csv" | "summary" | null = null;
  exportFailure: string | null = null;
  /** The teacher's review of the marks: open only on purpose, and closed again on the next step. */
  reviewOpen = false;
  /** The mark whose "set aside" reason is being written. */
  reviewing: string | null = null;
  #weights = new Map<string, number[]>();
  #unsubscribe: () => void;
  #unbindKeys: () => void;
  #announced: string | null = null;
  /**
   * Where the teacher last asked to go, until that step is answered. Steps are counted from
   * here, not from the view: a clicker pressed twice before the first patch arrives moves two
   * parts, and a press right after a step is not computed from the part the class just left.
   */
  #asked: { card: number; part: number } | null = null;

  constructor(readonly session: MatchSession) {
    this.#unsubscribe = session.subscribe(() => this.#sync());
    this.#unbindKeys = bindDebriefKeys(this);
    this.#sync();
  }

  get view(): MatchView | null {
    return this.session.view;
  }

  get audience(): DebriefAudience {
    const kind = this.view?.viewer;
    return kind === "teacher" ? "teacher" : kind === "player" ? "student" : "projector";
  }

  /**
   * The cards of this match's debrief, in order: the short debrief of its lesson plan (the few
   * cards that carry the point), or every card, without "tables compared" at a single table.
   * Card numbers on the wire index this list, which the plan and the table count fix for the
   * whole match.
   */
  get cards(): readonly DebriefCard[] {
    const plan = this.view?.settings.plan;
    const chosen = plan && isPlanId(plan) ? LESSON_PLANS[plan].debrief.cards : "all";
    return debriefCards(chosen, this.view?.tables.length ?? 1);
  }

  get total(): number {
    return this.cards.length;
  }

  /** The card the teacher shows (the engine allows a few more ids than we have cards). */
  get card(): number {
    return Math.max(0, Math.min(this.total - 1, this.view?.debrief.card ?? 0));
  }

  get cardId(): DebriefCard {
    return this.cards[this.card]!;
  }

  /** The parts of a card (only the questions until the analysis has arrived). */
  partsOfCard(card: number): Part[] {
    const id = this.cards[card]!;
    return this.data ? partsOf(id, this.data) : [{ kind: "questions", table: null, round: null, page: 0, pages: 1 }];
  }

  get parts(): Part[] {
    return this.partsOfCard(this.card);
  }

  /** The index of the part on show. */
  get part(): number {
    return Math.max(0, Math.min(this.parts.length - 1, this.view?.debrief.part ?? 0));
  }

  /** The part this screen draws: the teacher's, or its equivalent at a student's own table. */
  get shownPart(): Part {
    const part = this.parts[this.part]!;
    const mine = this.mine;
    return mine ? partFor(this.parts, part, mine.table) : part;
  }

  get isLast(): boolean {
    return this.card === this.total - 1 && this.part === this.parts.length - 1;
  }

  get isFirst(): boolean {
    return this.card === 0 && this.part === 0;
  }

  get nicknamesShown(): boolean {
    return this.view?.debrief.nicknames === true;
  }

  /** Marks set aside by the teacher, with the reason given (the whole class reads them). */
  get setAside(): MatchView["debrief"]["setAside"] {
    return this.view?.debrief.setAside ?? {};
  }

  /** The student's own seat; null for the teacher and the projector. */
  get mine(): { role: PublicRole; table: number } | null {
    const me = this.view?.me;
    const role = roleById(this.view!, me?.role);
    return me && role && me.table !== null ? { role, table: me.table } : null;
  }

  /** The tables a screen shows: the student's own, or all of them for the front of the room. */
  tables(): TableDebrief[] {
    const all = this.data?.tables ?? [];
    const mine = this.mine;
    return mine ? all.filter((t) => t.table === mine.table) : all;
  }

  table(index: number | null): TableDebrief | undefined {
    const mine = this.mine;
    const all = this.data?.tables ?? [];
    return all.find((t) => t.table === (mine ? mine.table : (index ?? all[0]?.table)));
  }

  /** Every mark of the match, with the teacher's review applied. */
  marks(table: TableDebrief): { mark: Mark; aside: { reason: string } | null }[] {
    return table.marks.map((mark) => ({ mark, aside: this.setAside[mark.id] ?? null }));
  }

  activeMarks(table: TableDebrief): Mark[] {
    return activeMarks(table.marks, this.setAside);
  }

  comparison(): Comparison | null {
    return this.data ? compare(this.data.comparison.units, this.setAside) : null;
  }

  role(id: string): PublicRole | undefined {
    return this.view ? roleById(this.view, id) : undefined;
  }

  /** Nicknames at a seat, only while the teacher has them shown (never otherwise, not even on the teacher's screen). */
  nicknames(table: number, role: string): string[] {
    if (!this.nicknamesShown || !this.view) return [];
    return this.view.players.filter((p) => p.table === table && p.role === role && p.kind === "human").map((p) => p.nickname);
  }

  /** "ABC" or "ABC (Ana, Ben)": roles told apart by the short labels the game screens use, names only when allowed. */
  label(table: number, role: string): string {
    const short = this.role(role)?.short ?? role;
    const names = this.nicknames(table, role);
    return names.length ? `${short} (${names.join(", ")})` : short;
  }

  isMine(table: number, role: string): boolean {
    const mine = this.mine;
    return mine !== null && mine.table === table && mine.role.id === role;
  }

  /** This device's weights for a dossier's four sub-scores (equal until someone moves a slider). */
  weights(dossier: string): readonly number[] {
    return this.#weights.get(dossier) ?? EQUAL_WEIGHTS;
  }

  // ---- verbs -------------------------------------------------------------------------------

  /** Shows a card from its first part. */
  jump = (card: number) => this.show(card, 0);

  show = async (card: number, part: number): Promise<boolean> => {
    const to = Math.max(0, Math.min(this.total - 1, card));
    const toPart = Math.max(0, Math.min(this.partsOfCard(to).length - 1, part));
    const from = this.#stepFrom();
    if (this.audience !== "teacher" || (to === from.card && toPart === from.part)) return false;
    const asked = { card: to, part: toPart };
    this.#asked = asked;
    // act() settles once the reply and the patch that shows the step are in (or it failed).
    const ok = await this.session.act("debrief-card", { type: "ShowDebriefCard", card: to, part: toPart });
    if (this.#asked === asked) this.#asked = null;
    return ok;
  };

  /** The next part of the card, then the first part of the next card; nothing after the last. */
  next = () => {
    const { card, part } = this.#stepFrom();
    const parts = this.partsOfCard(card).length;
    if (part < parts - 1) return this.show(card, part + 1);
    return card < this.total - 1 ? this.show(card + 1, 0) : Promise.resolve(false);
  };

  /** The previous part, then the last part of the previous card; nothing before the first. */
  previous = () => {
    const { card, part } = this.#stepFrom();
    if (part > 0) return this.show(card, part - 1);
    return card > 0 ? this.show(card - 1, this.partsOfCard(card - 1).length - 1) : Promise.resolve(false);
  };

  showNicknames = (shown: boolean) => this.session.act("debrief-names", { type: "ShowNicknames", shown });

  openReview = (open: boolean) => {
    this.reviewOpen = open;
    if (!open) this.reviewing = null;
    this.session.refresh();
  };

  startSetAside = (mark: string | null) => {
    this.reviewing = mark;
    this.session.clearError(`debrief-review-${mark}`);
    this.session.refresh();
  };

  setAsideMark = async (mark: string, reason: string) => {
    const done = await this.session.act(`debrief-review-${mark}`, { type: "ReviewMark", mark, setAside: true, reason });
    if (done && this.reviewing === mark) this.reviewing = null;
    this.session.refresh();
    return done;
  };

  restoreMark = (mark: string) => this.session.act(`debrief-review-${mark}`, { type: "ReviewMark", mark, setAside: false });

  setWeight = (dossier: string, index: number, weight: number) => {
    const next = [...this.weights(dossier)];
    next[index] = Math.max(0, Math.min(3, weight));
    this.#weights.set(dossier, next);
    this.session.refresh();
  };

  resetWeights = (dossier: string) => {
    this.#weights.delete(dossier);
    this.session.refresh();
  };

  setPseudonymise = (on: boolean) => {
    this.pseudonymise = on;
  };

  retry = () => {
    this.failure = null;
    void this.#load();
  };

  /** Downloads the CSV with the teacher token (a plain link cannot carry it). */
  downloadCsv = async () => {
    const blob = await this.#fetchExport("csv", "export.csv");
    if (!blob) return;
    const code = this.session.connection.code;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `rough-consensus-${code}${this.pseudonymise ? "-pseudonymised" : ""}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  };

  /** Opens the printable summary in a new tab. */
  openSummary = async () => {
    // Opened before the fetch, inside the click, so that pop-up blockers allow it.
    const tab = window.open("", "_blank");
    const blob = await this.#fetchExport("summary", "summary");
    if (!blob) {
      tab?.close();
      return;
    }
    const url = URL.createObjectURL(new Blob([blob], { type: "text/html" }));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
  };

  dispose(): void {
    this.#unsubscribe();
    this.#unbindKeys();
  }

  // ---- inside ------------------------------------------------------------------------------

  /** The step still on its way, else the part on show. */
  #stepFrom(): { card: number; part: number } {
    return this.#asked ?? { card: this.card, part: this.part };
  }

  #sync(): void {
    if (this.view?.status !== "ended") return;
    if (!this.data && !this.loading && this.failure === null && this.session.status === "online") void this.#load();
    // Screen readers hear which card and part the teacher moved to; the review closes itself.
    // (Remembered before announcing: the announcement re-enters this method.)
    const where = `${this.card}/${this.part}`;
    const previous = this.#announced;
    this.#announced = where;
    if (previous !== null && previous !== where) {
      this.reviewOpen = false;
      this.reviewing = null;
      this.session.announce(`${t("debrief.cardOf", { number: this.card + 1, total: this.total })}: ${t(`debrief.${this.cardId}.title`)} — ${partTitle(this, this.shownPart)}`);
    }
  }

  async #load(): Promise<void> {
    this.loading = true;
    const reply = await this.session.connection.debrief();
    this.loading = false;
    if (reply.ok) {
      this.data = reply.debrief;
      this.session.announce(t("debrief.ready"));
    } else {
      this.failure = rejectionText(reply.code);
      this.session.announce(t("debrief.failed", { reason: this.failure }));
    }
  }

  async #fetchExport(kind: "csv" | "summary", path: string): Promise<Blob | null> {
    const code = this.session.connection.code;
    const token = remembered.teacherToken(code);
    this.exporting = kind;
    this.exportFailure = null;
    this.session.announce(t("debrief.exporting"));
    try {
      // The file is worded in the language this page shows (server/text/words.ts).
      const url = new URL(`/api/matches/${encodeURIComponent(code)}/${path}`, window.location.origin);
      url.searchParams.set("pseudonymise", this.pseudonymise ? "1" : "0");
      url.searchParams.set("lang", currentLanguage());
      const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        // The reason in this page's language when the server names a code the catalog knows.
        const known = body?.error?.code && isMessageKey(`rejection.${body.error.code}`) ? rejectionText(body.error.code) : null;
        throw new Error(known ?? body?.error?.message ?? `HTTP ${response.status}`);
      }
      return await response.blob();
    } catch (error) {
      this.exportFailure = t("debrief.exportFailed", { reason: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      this.exporting = null;
      this.session.announce(this.exportFailure ?? "");
    }
  }
}

/** A part's title: "Who paid whom", a dossier's title, "Moves toward a sponsor's option (2/3)". */
export function partTitle(ctrl: DebriefController, part: Part): string {
  const base = part.kind === "dossier" ? (ctrl.view?.scenario.dossiers[part.round ?? 0]?.title ?? "") : t(`debrief.part.${part.kind}`);
  const table = part.table !== null && (ctrl.data?.tables.length ?? 1) > 1 && !ctrl.mine ? ` · ${t("debrief.tableLabel", { table: part.table + 1, rule: t(`debrief.vote.rule.${ctrl.data!.tables.find((x) => x.table === part.table)!.rule}`) })}` : "";
  const page = part.pages > 1 ? ` (${part.page + 1}/${part.pages})` : "";
  return `${base}${table}${page}`;
}

const controllers = new WeakMap<MatchSession, DebriefController>();

/** The debrief of a screen's session, made on first use. */
export function debriefFor(session: MatchSession): DebriefController {
  let ctrl = controllers.get(session);
  if (!ctrl) {
    ctrl = new DebriefController(session);
    controllers.set(session, ctrl);
  }
  return ctrl;
}

export function disposeDebrief(session: MatchSession): void {
  controllers.get(session)?.dispose();
  controllers.delete(session);
}
