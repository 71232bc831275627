// Bots in a live room: each bot player is an ordinary seat whose intents come from the bot
// policy (shared/bots) looking at that seat's own viewFor — never at the state — and go
// through the room's one dispatch path like anyone's. It thinks at a human pace with jitter.
import { createBot, nextIntent, paceDelay, scenarioProfiles, type BotMemory } from "../../shared/bots/index.js";
import type { Actor, Command } from "../../shared/rules/commands.js";
import type { MatchState, PlayerId } from "../../shared/rules/types.js";
import { viewFor } from "../../shared/rules/view.js";
import type { Reply } from "../../shared/protocol/intents.js";

/** live: seconds per action, like a person; quick: a tenth of that (demos); instant: tests. */
export type BotPace = "live" | "quick" | "instant";

interface Timer {
  clear(): void;
}

export interface BotHost {
  match(): MatchState | null;
  dispatch(command: Command, actor: Actor): Promise<Reply>;
  setTimeout(fn: () => void, ms: number): Timer;
}

interface Bot {
  memory: BotMemory;
  /** A decided intent waiting for its moment; null when the bot is free to think. */
  pending: Timer | null;
}

const PACE_FACTOR: Record<BotPace, number> = { live: 1, quick: 0.1, instant: 0 };

export class BotDriver {
  private bots = new Map<PlayerId, Bot>();
  private stopped = false;

  constructor(
    private readonly host: BotHost,
    private readonly pace: BotPace = "live",
  ) {}

  /** Called after every change of the match: free bots look at their view and maybe act. */
  wake(): void {
    const state = this.host.match();
    if (this.stopped || !state || state.status !== "running") return;
    for (const p of Object.values(state.players)) {
      if (p.kind !== "bot" || !p.present || p.role === null || p.table === null) continue;
      let bot = this.bots.get(p.id);
      if (!bot) {
        const role = state.scenario.roles.find((r) => r.id === p.role)!;
        bot = { memory: createBot(role, `${state.matchId}/${p.id}`, scenarioProfiles(state.scenario)[role.id]), pending: null };
        this.bots.set(p.id, bot);
      }
      if (bot.pending) continue;
      this.think(p.id, bot, state);
    }
  }

  private think(player: PlayerId, bot: Bot, state: MatchState): void {
    const step = nextIntent(viewFor(state, { kind: "player", id: player }), bot.memory);
    bot.memory = step.memory;
    if (!step.intent) return;
    const intent = step.intent;
    const delay = paceDelay(intent, bot.memory.rng, this.pace === "instant" ? "instant" : "live");
    bot.memory = { ...bot.memory, rng: delay.rng };
    bot.pending = this.host.setTimeout(() => {
      void this.host
        .dispatch(intent, { kind: "player", id: player })
        .catch(() => undefined)
        .finally(() => {
          bot.pending = null;
          // A refused intent changes nothing, so nothing else wakes the bot: look again.
          this.wake();
        });
    }, Math.round(delay.ms * PACE_FACTOR[this.pace]));
  }

  /**
   * No bot has an intent waiting. Every change wakes the free bots at once, so when none is
   * waiting each has seen the latest state and found nothing to do.
   */
  get idle(): boolean {
    for (const bot of this.bots.values()) if (bot.pending) return false;
    return true;
  }

  stop(): void {
    this.stopped = true;
    for (const bot of this.bots.values()) bot.pending?.clear();
    this.bots.clear();
  }
}
