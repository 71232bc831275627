// The teacher's dashboard: the whole match, and the verbs that run it. Each verb sends one
// intent under a control name so its rejection shows beside the button that caused it.
import type { MatchView } from "../../shared/rules/view.js";
import type { MatchSession } from "./session.js";

export class HostController {
  constructor(readonly session: MatchSession) {}

  get view(): MatchView | null {
    return this.session.view;
  }

  /** Whether a player's device is connected right now (bots always are). */
  connected(playerId: string): boolean {
    return this.session.connection.presence.get(playerId) ?? false;
  }

  /** The link and code students use; the projector link for the big screen. */
  joinLink(): string {
    return new URL(`/join/${this.session.connection.code}`, window.location.origin).href;
  }

  projectorLink(): string {
    return new URL(`/projector/${this.session.connection.code}`, window.location.origin).href;
  }

  assignAutomatically = () => this.session.act("assign-auto", { type: "AssignRolesAutomatically" });
  assignRole = (player: string, seat: string) => {
    const [table, role] = seat === "" ? [null, null] : [Number(seat.split("/")[0]), seat.split("/")[1] ?? null];
    return this.session.act(`assign-${player}`, { type: "AssignRole", player, table, role });
  };
  removePlayer = (player: string) => this.session.act(`player-${player}`, { type: "RemovePlayer", player });
  mutePlayer = (player: string, muted: boolean) => this.session.act(`player-${player}`, { type: "MutePlayer", player, muted });
  fillWithBots = () => this.session.act("bots", { type: "FillWithBots" });
  start = () => this.session.act("start", { type: "StartMatch" });
  pause = () => this.session.act("clock", { type: "PauseClock" });
  resume = () => this.session.act("clock", { type: "ResumeClock" });
  extend = (seconds: number) => this.session.act("clock", { type: "ExtendClock", seconds });
  skip = () => this.session.act("clock", { type: "AdvancePhase" });
  pushNews = (text: string) => this.session.act("news", { type: "PushNews", text });
  callConsensus = (table: number, option: string) => this.session.act(`consensus-${table}-${option}`, { type: "CallConsensus", table, option });
  nameDrafter = (table: number, role: string, seated: boolean) => this.session.act(`drafter-${table}-${role}`, { type: "NameDrafter", table, role, seated });
  end = () => this.session.act("end", { type: "EndMatch" });
}
