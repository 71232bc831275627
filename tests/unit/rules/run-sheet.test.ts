// The run-sheet (shared/rules/phases.ts) owns when each command may be given. From the sheet
// alone this file derives the commands each stage accepts, and checks that decide() agrees:
// a command the sheet allows is never refused for the stage, and any other is.
import { describe, expect, it } from "vitest";
import { decide, RUN_SHEET, HANDLERS, type Actor, type Command, type CommandType, type RejectionCode, type Stage } from "../../../shared/index.js";
import { Match, SYSTEM, T0, TEACHER, defaultScenario, player } from "../../helpers/engine.js";
import { expectRejected, expectRejectedAs } from "./given.js";

/** The reasons decide gives when the stage of the match, not the command, is wrong. */
const STAGE_CODES: readonly RejectionCode[] = ["not-started", "already-started", "phase-closed", "match-ended", "debrief-not-open"];

type Sample = { command: Command; actor: Actor };
const by = (role: string) => player(role.toLowerCase());

/** One command of every type, each from someone entitled to give it, valid in the stage it belongs to. */
const SAMPLES: Record<Exclude<CommandType, "CreateMatch">, Sample> = {
  JoinMatch: { command: { type: "JoinMatch", playerId: "newcomer", nickname: "Newcomer" }, actor: player("newcomer") },
  RenamePlayer: { command: { type: "RenamePlayer", player: "tech", nickname: "Zed" }, actor: by("TECH") },
  LeaveMatch: { command: { type: "LeaveMatch", player: "usg" }, actor: by("USG") },
  RemovePlayer: { command: { type: "RemovePlayer", player: "usg" }, actor: TEACHER },
  MutePlayer: { command: { type: "MutePlayer", player: "usg", muted: true }, actor: TEACHER },
  AssignRolesAutomatically: { command: { type: "AssignRolesAutomatically" }, actor: TEACHER },
  AssignRole: { command: { type: "AssignRole", player: "tech", table: 0, role: "TECH" }, actor: TEACHER },
  FillWithBots: { command: { type: "FillWithBots" }, actor: TEACHER },
  StartMatch: { command: { type: "StartMatch" }, actor: TEACHER },
  Tick: { command: { type: "Tick" }, actor: SYSTEM },
  AdvancePhase: { command: { type: "AdvancePhase" }, actor: TEACHER },
  PauseClock: { command: { type: "PauseClock" }, actor: TEACHER },
  ResumeClock: { command: { type: "ResumeClock" }, actor: TEACHER },
  ExtendClock: { command: { type: "ExtendClock", seconds: 30 }, actor: TEACHER },
  BookTravel: { command: { type: "BookTravel", mode: "remote" }, actor: by("EMG") },
  OfferFellowship: { command: { type: "OfferFellowship", to: "LDC" }, actor: by("USG") },
  WithdrawFellowship: { command: { type: "WithdrawFellowship", fellowship: "f1" }, actor: by("TECH") },
  AcceptFellowship: { command: { type: "AcceptFellowship", fellowship: "f1" }, actor: by("CS-S") },
  DeclineFellowship: { command: { type: "DeclineFellowship", fellowship: "f1" }, actor: by("CS-S") },
  GiveGrant: { command: { type: "GiveGrant", to: "LDC", amount: 1 }, actor: by("TECH") },
  BuyBriefing: { command: { type: "BuyBriefing" }, actor: by("LDC") },
  MakeStatement: { command: { type: "MakeStatement", text: "Hello" }, actor: by("TECH") },
  PostRemoteComment: { command: { type: "PostRemoteComment", text: "Hello" }, actor: by("EMG") },
  SendCorridorMessage: { command: { type: "SendCorridorMessage", to: "EU", text: "Hello" }, actor: by("TECH") },
  TableOption: { command: { type: "TableOption", option: "A3" }, actor: by("EU") },
  DeclarePosition: { command: { type: "DeclarePosition", option: "A2", stance: "support" }, actor: by("EU") },
  NameDrafter: { command: { type: "NameDrafter", table: 0, role: "EU", seated: true }, actor: TEACHER },
  InsertRider: { command: { type: "InsertRider", option: "D1" }, actor: by("IP") },
  ObjectToRider: { command: { type: "ObjectToRider" }, actor: by("NGO-N") },
  CallConsensus: { command: { type: "CallConsensus", table: 0, option: "A2" }, actor: TEACHER },
  PushNews: { command: { type: "PushNews", text: "News" }, actor: TEACHER },
  EndMatch: { command: { type: "EndMatch" }, actor: TEACHER },
  ShowDebriefCard: { command: { type: "ShowDebriefCard", card: 1 }, actor: TEACHER },
  ShowNicknames: { command: { type: "ShowNicknames", shown: true }, actor: TEACHER },
  ReviewMark: { command: { type: "ReviewMark", mark: "m40", setAside: true, reason: "Agreed before the trip." }, actor: TEACHER },
};

/**
 * A match in each stage, with what the samples need to be valid there: a fellowship f1 from
 * TECH to CS-S open through briefing and travel; TECH, USG, EU and NGO-N in the room; A2
 * tabled; a teacher chair; the clock paused in the outcome (so that resuming is possible).
 */
function matchIn(stage: Stage): Match {
  const m = new Match(defaultScenario(), { chair: "teacher" }).seatEveryone();
  if (stage === "lobby") return m;
  m.start();
  m.as("TECH", { type: "OfferFellowship", to: "CS-S" });
  if (stage === "briefing") return m;
  m.skipTo("travel");
  if (stage === "travel") return m;
  for (const r of ["TECH", "USG", "EU", "NGO-N"]) m.as(r, { type: "BookTravel", mode: "in-person" });
  m.skipTo("negotiation");
  m.as("TECH", { type: "TableOption", option: "A2" });
  if (stage === "negotiation") return m;
  m.skipTo("decision");
  if (stage === "decision") return m;
  m.skipTo("outcome");
  if (stage === "outcome") return m;
  m.ok({ type: "EndMatch" });
  return m;
}

/** What a few samples need beyond their stage: a paused clock, an empty seat, a pending clause and a drafter. */
const PREPARE: Partial<Record<string, (m: Match) => void>> = {
  ResumeClock: (m) => m.ok({ type: "PauseClock" }),
  FillWithBots: (m) => m.ok({ type: "RemovePlayer", player: "dns" }),
  ObjectToRider: (m) => {
    m.ok({ type: "NameDrafter", table: 0, role: "NGO-N", seated: true });
    m.as("IP", { type: "InsertRider", option: "D1" });
  },
};

describe("the run-sheet owns when each command may be given", () => {
  const stages = RUN_SHEET.map((s) => s.stage);

  it("lists every stage of a match in order, and every command in at least one of them", () => {
    expect(stages).toEqual(["lobby", "briefing", "travel", "negotiation", "decision", "outcome", "ended"]);
    const listed = new Set(RUN_SHEET.flatMap((s) => s.allows));
    expect(Object.keys(HANDLERS).filter((type) => !listed.has(type as CommandType))).toEqual([]);
  });

  it.each(stages)("in the %s stage, decide accepts exactly the commands the sheet lists there", (stage) => {
    const accepts = new Set(RUN_SHEET.find((s) => s.stage === stage)!.allows);
    const disagreements: string[] = [];
    for (const [type, { command, actor }] of Object.entries(SAMPLES)) {
      const m = matchIn(stage);
      m.now = T0 + 3_600_000 * 4; // every deadline has passed: a tick is due whenever one may come
      if (stage === "outcome" && type === "ResumeClock") m.ok({ type: "PauseClock" });
      const verdict = decide(m.s, command, { actor, now: m.now });
      const stageRefused = !verdict.ok && STAGE_CODES.includes(verdict.rejection.code);
      if (accepts.has(type as CommandType) === stageRefused) disagreements.push(`${type}: ${verdict.ok ? "accepted" : verdict.rejection.code}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("a listed command with a valid sample is accepted, in some stage, for every command", () => {
    // The samples above are real commands, not just refused for another reason everywhere.
    const neverAccepted = Object.entries(SAMPLES)
      .filter(([type, { command, actor }]) =>
        RUN_SHEET.filter((s) => s.allows.includes(type as CommandType)).every((s) => {
          const m = matchIn(s.stage);
          m.now = T0 + 3_600_000 * 4;
          PREPARE[type]?.(m);
          return !decide(m.s, command, { actor, now: m.now }).ok;
        }),
      )
      .map(([type]) => type);
    expect(neverAccepted).toEqual([]);
  });

  it("delegation commands wait for the start; the clock runs only in a round", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]);
    expectRejectedAs(m, "TECH", { type: "GiveGrant", to: "USG", amount: 1 }, "not-started");
    expectRejected(m, { type: "PauseClock" }, "not-started");
  });

  it("grants are open in every phase of a round, and only then", () => {
    for (const stage of stages) {
      const m = matchIn(stage);
      const v = decide(m.s, { type: "GiveGrant", to: "LDC", amount: 1 }, { actor: by("TECH"), now: m.now });
      expect(v.ok, stage).toBe(stage !== "lobby" && stage !== "ended");
    }
  });
});
