// A student's screen: who they are at the table, what just arrived for them, which of the
// negotiation's actions is open, and every verb they have. Each game verb sends one intent
// under a control name, so a rejection shows beside the control that caused it. Nothing here
// decides whether an action is allowed: the server does (and says why), through the view's
// available actions (./available.ts).
import type { Stance } from "../../shared/rules/types.js";
import type { MatchView, PublicDossier, PublicRole, RoundView, TableView } from "../../shared/rules/view.js";
import { can } from "./available.js";
import { Notifications } from "./notifications.js";
import { currentDossier, currentRound, roleById, tableAt } from "./selectors.js";
import type { MatchSession } from "./session.js";

/** The negotiation's four things to do, one open at a time on a phone. */
export type NegotiationTab = "speak" | "corridor" | "table" | "grant";

export class StudentController {
  readonly notifications = new Notifications();
  /** Which negotiation action is open; the first one the student can use when unset. */
  tab: NegotiationTab | null = null;
  /** The corridor form's recipient, set by "Reply" on a message. */
  replyTo: string | null = null;
  /** Whether every notice shows, not just the newest few. */
  allNotices = false;
  #listeners = new Set<() => void>();

  /**
   * `reveal(id)` brings the element with that id into view and focuses it (the page does it;
   * this class has no DOM).
   */
  constructor(
    readonly session: MatchSession,
    private readonly reveal: (id: string) => void = () => undefined,
  ) {
    session.subscribe(() => {
      if (session.view) this.notifications.update(session.view);
    });
    if (session.view) this.notifications.update(session.view);
  }

  get view(): MatchView | null {
    return this.session.view;
  }

  get role(): PublicRole | undefined {
    const view = this.view;
    return view ? roleById(view, view.me?.role) : undefined;
  }

  get table(): TableView | undefined {
    const view = this.view;
    return view ? tableAt(view, view.me?.table) : undefined;
  }

  get round(): RoundView | undefined {
    const view = this.view;
    return view ? currentRound(view, this.table) : undefined;
  }

  get dossier(): PublicDossier | undefined {
    const view = this.view;
    return view ? currentDossier(view) : undefined;
  }

  get tokens(): number | null {
    const role = this.role;
    return role ? (this.table?.delegations[role.id]?.tokens ?? null) : null;
  }

  get attendance() {
    const role = this.role;
    return role ? this.round?.attendance[role.id] : undefined;
  }

  /** Local screen state changed (a tab, a dismissed notice): the page redraws. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- the screen's own verbs ----

  openTab = (tab: NegotiationTab) => {
    this.tab = tab;
    this.#changed();
  };

  dismissNotice = (id: string) => {
    this.notifications.dismiss(id);
    this.#changed();
  };

  toggleAllNotices = () => {
    this.allNotices = !this.allNotices;
    this.#changed();
  };

  /** Opens what a notice is about: the offer's buttons, the corridor thread, the reply form. */
  showNotice = (id: string) => {
    const notice = this.notifications.visible().find((n) => n.id === id);
    if (!notice) return;
    const reply = notice.replyTo !== undefined && can(this.view, "SendCorridorMessage", notice.replyTo);
    if (notice.kind === "corridor") {
      this.notifications.markCorridorRead();
      if (reply && notice.replyTo) {
        this.replyTo = notice.replyTo;
        this.tab = "corridor";
      }
    } else this.notifications.dismiss(id);
    this.#changed();
    this.reveal(notice.kind === "corridor" && reply ? "corridor-text" : (notice.target ?? ""));
  };

  /** The "Messages" button: the corridor thread, every message read. */
  openMessages = () => {
    this.notifications.markCorridorRead();
    this.#changed();
    this.reveal("corridor-heading");
  };

  /** The corridor thread scrolled into view by itself. */
  corridorSeen = () => {
    if (this.notifications.unreadCorridor() === 0) return;
    this.notifications.markCorridorRead();
    this.#changed();
  };

  openRoleCard = () => this.reveal("role-card");

  // ---- the game's verbs ----

  bookTravel = (mode: "in-person" | "remote", delegates?: number) =>
    this.session.act("travel", mode === "in-person" ? { type: "BookTravel", mode, delegates } : { type: "BookTravel", mode });
  offerFellowship = (to: string, note: string, expects: string | null, programme: boolean) =>
    this.session.act("offer", { type: "OfferFellowship", to, note: note || undefined, expects, programme });
  acceptFellowship = (id: string) => this.session.act(`offer-${id}`, { type: "AcceptFellowship", fellowship: id });
  declineFellowship = (id: string) => this.session.act(`offer-${id}`, { type: "DeclineFellowship", fellowship: id });
  withdrawFellowship = (id: string) => this.session.act(`offer-${id}`, { type: "WithdrawFellowship", fellowship: id });
  speak = (text: string) => this.session.act("floor", { type: "MakeStatement", text });
  comment = (text: string) => this.session.act("remote", { type: "PostRemoteComment", text });
  talkInCorridor = async (to: string, text: string) => {
    const sent = await this.session.act("corridor", { type: "SendCorridorMessage", to, text });
    if (sent) this.replyTo = to;
    return sent;
  };
  tableOption = (option: string) => this.session.act("table-option", { type: "TableOption", option });
  giveGrant = (to: string, amount: number, note: string) => this.session.act("grant", { type: "GiveGrant", to, amount, note });
  buyBriefing = () => this.session.act("briefing", { type: "BuyBriefing" });
  declarePosition = (option: string, stance: Stance) => this.session.act(`position-${option}`, { type: "DeclarePosition", option, stance });
  insertRider = (option: string) => this.session.act("rider", { type: "InsertRider", option });
  objectToRider = () => this.session.act("rider-object", { type: "ObjectToRider" });

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
