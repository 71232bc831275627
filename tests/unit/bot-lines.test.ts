// A bot's words travel by code (BotLine): the engine keeps a line only from a bot, in the
// command its key belongs to, with a known variant and ids that exist and fit; the event and
// the state keep it where the English text is, and each viewer gets it exactly where it may
// read that text — statements for everyone, notes on offers and grants for the two parties.
import { describe, expect, it } from "vitest";
import { simulateMatch } from "../../shared/bots/simulate.js";
import { BOT_LINES_EN, fillLine } from "../../shared/bots/lines.js";
import { eventSeenBy } from "../../shared/replay/seen.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { Command } from "../../shared/rules/commands.js";
import type { BotLine } from "../../shared/rules/types.js";
import { viewFor } from "../../shared/rules/view.js";
import { Match, defaultScenario, player } from "../helpers/engine.js";

/** One person at the first role (TECH), bots everywhere else, the room open for negotiation. */
function matchWithBots() {
  const m = new Match().seatEveryone(["TECH"]);
  m.ok({ type: "FillWithBots" });
  m.start().skipTo("travel");
  const bot = (role: string) => Object.values(m.s.players).find((p) => p.role === role && p.kind === "bot")!.id;
  const asBot = (role: string, command: Command) => m.ok(command, player(bot(role)));
  const refusedBot = (role: string, command: Command) => m.rejected(command, player(bot(role)));
  m.as("TECH", { type: "BookTravel", mode: "in-person" });
  asBot("EU", { type: "BookTravel", mode: "in-person" });
  asBot("USG", { type: "BookTravel", mode: "remote" });
  const dossier = m.s.scenario.dossiers[0]!;
  return { m, bot, asBot, refusedBot, dossier, option: dossier.options[0]!.id };
}

describe("a bot's line by code", () => {
  it("is refused from a student, in every command that can carry one", () => {
    const { m, option, dossier } = matchWithBots();
    expect(m.rejectedAs("TECH", { type: "OfferFellowship", to: "LDC", note: "Come", line: { key: "fellowship.note", variant: 0, dossier: dossier.id } })).toBe("bad-input");
    m.skipTo("negotiation");
    expect(m.rejectedAs("TECH", { type: "MakeStatement", text: "We back it.", line: { key: "floor.support", variant: 1, option } })).toBe("bad-input");
    expect(m.rejectedAs("TECH", { type: "GiveGrant", to: "EU", amount: 1, note: "Thanks", line: { key: "grant.note", variant: 1 } })).toBe("bad-input");
    // Without a line the same student speaks as always, and nothing by code is kept.
    const [said] = m.as("TECH", { type: "MakeStatement", text: "We back it." });
    expect(said).toMatchObject({ type: "StatementMade", text: "We back it." });
    expect(said).not.toHaveProperty("line");
  });

  it("is kept from a bot on the event and the statement, and every viewer of the statement gets it", () => {
    const { m, asBot, option } = matchWithBots();
    m.skipTo("negotiation");
    const line: BotLine = { key: "floor.support", variant: 0, option, role: "EU" };
    const [event] = asBot("EU", { type: "MakeStatement", text: "We back it.", line });
    expect(event).toMatchObject({ type: "StatementMade", line });
    const comment: BotLine = { key: "remote.comment", variant: 1, option, role: "USG" };
    expect(asBot("USG", { type: "PostRemoteComment", text: "From afar.", line: comment })).toMatchObject([{ type: "StatementMade", kind: "remote", line: comment }]);
    expect(m.s.tables[0]!.statements.map((s) => s.line)).toEqual([line, comment]);
    for (const viewer of [{ kind: "projector" } as const, { kind: "player", id: "tech" } as const, { kind: "teacher" } as const]) {
      expect(viewFor(m.s, viewer).tables[0]!.statements.map((s) => s.line), viewer.kind).toEqual([line, comment]);
    }
  });

  it("is refused from a bot when it does not fit: another command's key, an unknown variant, a missing or foreign id", () => {
    const { m, refusedBot, option, dossier } = matchWithBots();
    m.skipTo("negotiation");
    const statement = (line: unknown) => refusedBot("EU", { type: "MakeStatement", text: "We back it.", line: line as BotLine });
    expect(statement({ key: "grant.note", variant: 0, dossier: dossier.id })).toBe("bad-input");
    expect(statement({ key: "floor.support", variant: 3, option, role: "EU" })).toBe("bad-input");
    expect(statement({ key: "floor.support", variant: 1.5, option })).toBe("bad-input");
    expect(statement({ key: "floor.nonsense", variant: 0, option })).toBe("bad-input");
    expect(statement({ key: "floor.support", variant: 1 })).toBe("bad-input");
    expect(statement({ key: "floor.support", variant: 1, option: "Z9" })).toBe("bad-input");
    expect(statement({ key: "floor.support", variant: 1, option: m.s.scenario.dossiers[1]!.options[0]!.id })).toBe("bad-input");
    // {constituency} is the speaker's own; {sponsor} another role; an id the variant does not name is not carried.
    expect(statement({ key: "floor.support", variant: 0, option, role: "TECH" })).toBe("bad-input");
    expect(statement({ key: "floor.thanks", variant: 0, role: "EU" })).toBe("bad-input");
    expect(statement({ key: "floor.thanks", variant: 0, role: "NOBODY" })).toBe("bad-input");
    expect(statement({ key: "floor.support", variant: 1, option, role: "EU" })).toBe("bad-input");
    expect(statement({ key: "floor.support", variant: 1, option, dossier: dossier.id })).toBe("bad-input");
    expect(m.s.tables[0]!.statements).toEqual([]);
  });

  it("names the offer's option and the round's dossier on a fellowship note, and shows it only to the two parties", () => {
    const { m, asBot, refusedBot, dossier, option } = matchWithBots();
    expect(refusedBot("EU", { type: "OfferFellowship", to: "LDC", note: "Come", line: { key: "fellowship.note", variant: 0, dossier: m.s.scenario.dossiers[1]!.id } })).toBe("bad-input");
    expect(refusedBot("EU", { type: "OfferFellowship", to: "LDC", note: "Come", expects: null, line: { key: "fellowship.expects", variant: 0, dossier: dossier.id, option } })).toBe("bad-input");
    const line: BotLine = { key: "fellowship.note", variant: 1, dossier: dossier.id };
    const [offered] = asBot("EU", { type: "OfferFellowship", to: "LDC", note: "Your voice belongs here.", line });
    expect(offered).toMatchObject({ type: "FellowshipOffered", line });
    const lineOf = (viewer: Parameters<typeof viewFor>[1]) => viewFor(m.s, viewer).tables[0]!.fellowships.find((f) => f.id === m.s.tables[0]!.fellowships[0]!.id)?.line;
    const guest = Object.values(m.s.players).find((p) => p.role === "LDC")!.id;
    expect(lineOf({ kind: "player", id: guest })).toEqual(line);
    expect(lineOf({ kind: "player", id: "tech" })).toBeUndefined();
    expect(lineOf({ kind: "projector" })).toBeUndefined();
    expect(eventSeenBy(offered!, { kind: "role", table: 0, role: "TECH" })).not.toHaveProperty("line");
    expect(eventSeenBy(offered!, { kind: "role", table: 0, role: "LDC" })).toHaveProperty("line", line);
  });

  it("keeps a grant's note by code for the giver and the receiver only", () => {
    const { m, asBot, dossier } = matchWithBots();
    m.skipTo("negotiation");
    const line: BotLine = { key: "grant.reward", variant: 0, dossier: dossier.id };
    const [given] = asBot("EU", { type: "GiveGrant", to: "USG", amount: 1, note: "Thank you.", line });
    expect(given).toMatchObject({ type: "GrantGiven", line });
    expect(m.s.tables[0]!.grants[0]!.line).toEqual(line);
    expect(viewFor(m.s, { kind: "player", id: "tech" }).tables[0]!.grants).toEqual([]);
    expect(eventSeenBy(given!, { kind: "role", table: 0, role: "TECH" })).not.toHaveProperty("line");
    expect(eventSeenBy(given!, { kind: "role", table: 0, role: "USG" })).toHaveProperty("line", line);
  });
});

describe("a simulated class's bots", () => {
  it("say every statement, comment and note by code, the line's English being the text kept beside it, and the engine takes them all", () => {
    const keys = new Set<string>();
    for (const [seed, fellowships] of [[1, "soft"], [2, "hard"], [3, "soft"], [4, "hard"]] as const) {
      const run = simulateMatch({ scenario: defaultScenario(), seed, settings: { rules: ["R1"], bots: true, chair: "automatic", variants: { fellowships } } });
      expect(run.actions.filter((a) => a.rejection === "bad-input").map((a) => a.intent)).toEqual([]);
      const { scenario } = run.state;
      const said = (e: GameEvent): { text: string; line?: BotLine; round: number } | null => {
        if (e.type === "StatementMade") return { text: e.text, line: e.line, round: run.state.tables[0]!.statements.find((s) => s.id === e.id)!.round };
        if (e.type === "FellowshipOffered" && e.note) return { text: e.note, line: e.line, round: run.state.tables[0]!.fellowships.find((f) => f.id === e.id)!.round };
        if (e.type === "GrantGiven" && e.note) return { text: e.note, line: e.line, round: run.state.tables[0]!.grants.find((g) => g.id === e.id)!.round };
        return null;
      };
      for (const e of run.events) {
        const words = said(e);
        if (!words) continue;
        const line = words.line;
        expect(line, words.text).toBeDefined();
        keys.add(line!.key);
        const dossier = scenario.dossiers[words.round]!;
        expect(line!.dossier ?? dossier.id).toBe(dossier.id);
        const role = scenario.roles.find((r) => r.id === line!.role)?.name ?? "";
        const english = fillLine(BOT_LINES_EN[line!.key][line!.variant]!, { option: dossier.options.find((o) => o.id === line!.option)?.title ?? "", constituency: role, sponsor: role, dossier: dossier.title, city: dossier.venue.city });
        expect(english).toBe(words.text);
      }
    }
    expect([...keys].sort()).toEqual(expect.arrayContaining(["fellowship.expects", "fellowship.note", "floor.object", "floor.support", "floor.thanks", "grant.note", "grant.reward", "remote.comment"]));
  });
});
