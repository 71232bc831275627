// A student's screen: who they are at the table, and every verb they have. Each verb sends
// one intent under a control name, so a rejection shows beside the control that caused it.
// Nothing here decides whether an action is allowed: the server does, and says why.
import type { Stance } from "../../shared/rules/types.js";
import type { MatchView, PublicDossier, PublicRole, RoundView, TableView } from "../../shared/rules/view.js";
import { currentDossier, currentRound, roleById, tableAt } from "./selectors.js";
import type { MatchSession } from "./session.js";

export class StudentController {
  constructor(readonly session: MatchSession) {}

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

  bookTravel = (mode: "in-person" | "remote", delegates?: number) =>
    this.session.act("travel", mode === "in-person" ? { type: "BookTravel", mode, delegates } : { type: "BookTravel", mode });
  offerFellowship = (to: string, note: string, expects: string | null, programme: boolean) =>
    this.session.act("offer", { type: "OfferFellowship", to, note: note || undefined, expects, programme });
  acceptFellowship = (id: string) => this.session.act(`offer-${id}`, { type: "AcceptFellowship", fellowship: id });
  declineFellowship = (id: string) => this.session.act(`offer-${id}`, { type: "DeclineFellowship", fellowship: id });
  withdrawFellowship = (id: string) => this.session.act(`offer-${id}`, { type: "WithdrawFellowship", fellowship: id });
  speak = (text: string) => this.session.act("floor", { type: "MakeStatement", text });
  comment = (text: string) => this.session.act("remote", { type: "PostRemoteComment", text });
  talkInCorridor = (to: string, text: string) => this.session.act("corridor", { type: "SendCorridorMessage", to, text });
  tableOption = (option: string) => this.session.act("table-option", { type: "TableOption", option });
  giveGrant = (to: string, amount: number, note: string) => this.session.act("grant", { type: "GiveGrant", to, amount, note });
  buyBriefing = () => this.session.act("briefing", { type: "BuyBriefing" });
  declarePosition = (option: string, stance: Stance) => this.session.act(`position-${option}`, { type: "DeclarePosition", option, stance });
  insertRider = (option: string) => this.session.act("rider", { type: "InsertRider", option });
  objectToRider = () => this.session.act("rider-object", { type: "ObjectToRider" });
}
