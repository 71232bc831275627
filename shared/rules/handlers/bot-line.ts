// A bot's line by code (BotLine in ../types.ts) is checked here before an event keeps it: only
// a bot says one, in the command its key belongs to, with a variant of the catalog, carrying
// exactly the ids its variant names, each one real and fitting — an option and the dossier of
// the round being negotiated, its own delegation for {constituency}, another role for
// {sponsor}. A student cannot forge one (the wire drops the field too), and every screen can
// word what it keeps.
import { BOT_LINES_EN, BOT_LINE_COMMAND, PLACEHOLDER_ID, placeholdersOf } from "../../bots/lines.js";
import type { Scenario } from "../../scenario/schema.js";
import type { CommandType } from "../commands.js";
import { reject, type Rejection } from "../rejections.js";
import type { BotLine } from "../types.js";
import type { Seat } from "./context.js";

const IDS = ["option", "role", "dossier"] as const;

/** The line to keep (a fresh copy), none when the command carries none, or the refusal. */
export function checkBotLine(line: BotLine | undefined, command: CommandType, seat: Seat, scenario: Scenario): BotLine | undefined | Rejection {
  if (line === undefined) return undefined;
  const bad = reject("bad-input");
  if (seat.player.kind !== "bot" || typeof line !== "object" || line === null) return bad;
  const { key, variant } = line;
  if (typeof key !== "string" || !Object.hasOwn(BOT_LINES_EN, key) || BOT_LINE_COMMAND[key] !== command) return bad;
  const template = typeof variant === "number" && Number.isInteger(variant) ? BOT_LINES_EN[key][variant] : undefined;
  if (template === undefined) return bad;
  const named = placeholdersOf(template);
  const needed = new Set(named.map((p) => PLACEHOLDER_ID[p]));
  const kept: BotLine = { key, variant };
  for (const id of IDS) {
    const value = line[id];
    if (needed.has(id) !== (value !== undefined) || (value !== undefined && typeof value !== "string")) return bad;
    if (value !== undefined) kept[id] = value;
  }
  if (kept.option !== undefined && !seat.dossier.options.some((o) => o.id === kept.option)) return bad;
  if (kept.dossier !== undefined && kept.dossier !== seat.dossier.id) return bad;
  if (kept.role !== undefined) {
    const self = named.includes("constituency");
    if (self ? kept.role !== seat.role.id : kept.role === seat.role.id || !scenario.roles.some((r) => r.id === kept.role)) return bad;
  }
  return kept;
}
