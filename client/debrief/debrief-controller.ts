// The debrief's state and verbs, shared by the host, projector and student screens. The card
// on show and the nicknames switch live on the server (MatchView.debrief), so every screen
// follows the teacher; the analysis itself is fetched once when the match has ended.
import type { Debrief, TableDebrief } from "../../shared/analysis/debrief.js";
import type { MatchView, PublicRole } from "../../shared/rules/view.js";
import type { MatchSession } from "../ctrl/session.js";
import { roleById } from "../ctrl/selectors.js";
import { remembered } from "../net/storage.js";
import { rejectionText, t } from "../text/catalog.js";
import { DEBRIEF_CARDS, type DebriefCard } from "../text/debrief-en.js";
import { bindDebriefKeys } from "./debrief-keys.js";

export type DebriefAudience = "teacher" | "projector" | "student";

export class DebriefController {
  data: Debrief | null = null;
  loading = false;
  failure: string | null = null;
  /** The teacher's export switch: pseudonyms unless they untick it. */
  pseudonymise = true;
  exporting: "csv" | "summary" | null = null;
  exportFailure: string | null = null;
  #unsubscribe: () => void;
  #unbindKeys: () => void;
  #announcedCard: number | null = null;

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

  get total(): number {
    return DEBRIEF_CARDS.length;
  }

  /** The card the teacher shows (the engine allows a few more ids than we have cards). */
  get card(): number {
    return Math.max(0, Math.min(this.total - 1, this.view?.debrief.card ?? 0));
  }

  get cardId(): DebriefCard {
    return DEBRIEF_CARDS[this.card]!;
  }

  get nicknamesShown(): boolean {
    return this.view?.debrief.nicknames === true;
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

  role(id: string): PublicRole | undefined {
    return this.view ? roleById(this.view, id) : undefined;
  }

  /** Nicknames at a seat, only while the teacher has them shown (never otherwise, not even on the teacher's screen). */
  nicknames(table: number, role: string): string[] {
    if (!this.nicknamesShown || !this.view) return [];
    return this.view.players.filter((p) => p.table === table && p.role === role && p.kind === "human").map((p) => p.nickname);
  }

  /** "TECH" or "TECH (Ana, Ben)": roles told apart by letters, names only when allowed. */
  label(table: number, role: string): string {
    const short = this.role(role)?.short ?? role;
    const names = this.nicknames(table, role);
    return names.length ? `${short} (${names.join(", ")})` : short;
  }

  isMine(table: number, role: string): boolean {
    const mine = this.mine;
    return mine !== null && mine.table === table && mine.role.id === role;
  }

  // ---- verbs -------------------------------------------------------------------------------

  jump = (card: number) => {
    const to = Math.max(0, Math.min(this.total - 1, card));
    if (this.audience !== "teacher" || to === this.card) return Promise.resolve(false);
    return this.session.act("debrief-card", { type: "ShowDebriefCard", card: to });
  };
  next = () => this.jump(this.card + 1);
  previous = () => this.jump(this.card - 1);
  showNicknames = (shown: boolean) => this.session.act("debrief-names", { type: "ShowNicknames", shown });

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

  #sync(): void {
    if (this.view?.status !== "ended") return;
    if (!this.data && !this.loading && this.failure === null && this.session.status === "online") void this.#load();
    // Screen readers hear which card the teacher moved to.
    // (Remembered before announcing: the announcement re-enters this method.)
    const card = this.card;
    const previous = this.#announcedCard;
    this.#announcedCard = card;
    if (previous !== null && previous !== card) {
      this.session.announce(`${t("debrief.cardOf", { number: card + 1, total: this.total })}: ${t(`debrief.${this.cardId}.title`)}`);
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
      this.failure = rejectionText(reply.code, reply.message);
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
      const url = new URL(`/api/matches/${encodeURIComponent(code)}/${path}?pseudonymise=${this.pseudonymise ? 1 : 0}`, window.location.origin);
      const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
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
