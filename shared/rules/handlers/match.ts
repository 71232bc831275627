// The match as a whole: created from a validated scenario and settings, started by the
// teacher (with bots in empty seats when asked), news pushed to every screen, ended early.
import { parseScenario, ScenarioError, type Scenario } from "../../scenario/schema.js";
import { LIMITS, type Meta } from "../commands.js";
import { openRound } from "../phases.js";
import { presentPlayers } from "../helpers.js";
import { botsForEmptySeats } from "../seat-allocation.js";
import { ruleOfTable, SettingsSchema } from "../settings.js";
import type { MatchState } from "../types.js";
import { checkText, isRejection, no, ok, refused, type CommandOf, type Handlers, type Verdict } from "./context.js";

/** The first command of every match, answered before there is a state to check it against. */
export function createMatch(state: MatchState | null, command: CommandOf<"CreateMatch">, meta: Meta): Verdict {
  if (state) return no("match-exists");
  if (meta.actor.kind !== "teacher" && meta.actor.kind !== "system") return no("not-teacher");
  let scenario: Scenario;
  try {
    scenario = parseScenario(command.scenario);
  } catch (e) {
    return no("bad-settings", { field: "scenario", problem: e instanceof ScenarioError ? e.message : "it could not be read." });
  }
  const parsed = SettingsSchema.safeParse(command.settings ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return no("bad-settings", first ? { field: first.path.join(".") || "settings", problem: first.message } : undefined);
  }
  const settings = parsed.data;
  for (let t = 0; t < settings.tables; t++) {
    const rule = ruleOfTable(settings, t);
    if (!scenario.rules.includes(rule)) return no("bad-settings", { field: "rules", problem: `this scenario does not offer ${rule}.` });
  }
  if (!Number.isInteger(command.seed)) return no("bad-settings", { field: "seed", problem: "must be a whole number." });
  return ok({ type: "MatchCreated", matchId: command.matchId, scenario, settings, seed: command.seed >>> 0, at: meta.now });
}

export const MATCH: Handlers<"StartMatch" | "PushNews" | "EndMatch"> = {
  StartMatch: {
    by: "teacher",
    decide: (_command, { state, now }) => {
      // With bots switched on in the settings, every seat nobody holds gets a bot at the start.
      const bots = state.settings.bots ? botsForEmptySeats(state, now) : [];
      if (!bots.length && !presentPlayers(state).some((p) => p.role !== null)) return no("nobody-to-start");
      return ok(...bots, { type: "MatchStarted", at: now }, ...openRound(state, 0, now, "start"));
    },
  },

  PushNews: {
    by: "teacher",
    decide: (command, { state, now }) => {
      const text = checkText(command.text, LIMITS.news, "news-empty");
      if (isRejection(text)) return refused(text);
      return ok({ type: "NewsPushed", id: `n${state.nextId}`, text, at: now });
    },
  },

  EndMatch: {
    by: "teacher",
    decide: (_command, { now }) => ok({ type: "MatchEnded", at: now, reason: "teacher" }),
  },
};
