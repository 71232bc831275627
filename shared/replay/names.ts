// Nicknames out of a record for sharing: every student is "Student 1", "Student 2" … in join
// order (bots keep their names), and a nickname written inside what students said — "Ana, are
// you with us?" — is replaced by the same pseudonym, whole words only, whatever the case.
// Nicknames shorter than 3 characters are left inside texts: "Al" would eat common words.
import { pseudonyms, pseudonymiseEvents } from "../analysis/export.js";
import type { GameEvent } from "../rules/events.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function withoutNicknames(events: readonly GameEvent[]): GameEvent[] {
  const names = pseudonyms(events);
  // Every nickname a person (not a bot) ever had → that player's pseudonym.
  const people = new Set(events.flatMap((e) => (e.type === "PlayerJoined" && e.kind === "human" ? [e.player] : [])));
  const byNickname = new Map<string, string>();
  for (const e of events) {
    if ((e.type === "PlayerJoined" || e.type === "PlayerRenamed") && people.has(e.player)) {
      const pseudonym = names.get(e.player);
      if (pseudonym && e.nickname.trim().length >= 3) byNickname.set(e.nickname.trim().toLowerCase(), pseudonym);
    }
  }
  const renamed = pseudonymiseEvents(events);
  if (!byNickname.size) return renamed;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...byNickname.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );
  const clean = (text: string) => text.replace(pattern, (found) => byNickname.get(found.toLowerCase()) ?? found);
  return renamed.map((e) => {
    switch (e.type) {
      case "StatementMade":
      case "CorridorMessageSent":
      case "NewsPushed":
        return { ...e, text: clean(e.text) };
      case "FellowshipOffered":
      case "GrantGiven":
        return { ...e, note: clean(e.note) };
      default:
        return e;
    }
  });
}
