// The moments between two table models: what happened that the table animates and says in
// words (table-words.ts) — a trip booked, travel closing, money moving, a voice, the drafting
// group, positions turning face up, the verdict and what it means for each seat.
// Pure: the same two models always give the same moments, in the order they are played.
// Only what both models hold is compared, so a moment never reveals more than the view did.
import type { Stance } from "../../shared/rules/types.js";
import type { SeatMode, TableModel, VoiceModel } from "./table-model.js";
import { sponsorOf } from "./table-model.js";

export type Moment =
  /** A new round opens at its venue; every delegation receives its income. */
  | { kind: "round-opened"; round: number; city: string; income: { role: string; amount: number }[] }
  /** A delegation chose how it attends (during travel). */
  | { kind: "trip-booked"; role: string; mode: SeatMode; sponsor: string | null; selfPaid: boolean; cost: number }
  /** Travel closed: who flies in, who joins by video, who stays away. */
  | { kind: "travel-closed"; city: string; inPerson: string[]; remote: string[]; absent: string[]; sponsored: { role: string; sponsor: string }[] }
  /** Tokens moved from one seat to another, the giver known to this viewer. */
  | { kind: "grant"; id: string; from: string; to: string; amount: number }
  /** Balances that moved without a gift this viewer can see (trips, briefings, hidden gifts). */
  | { kind: "balances"; changes: { role: string; from: number; to: number }[] }
  | { kind: "floor"; role: string; text: string }
  | { kind: "remote-comment"; role: string; text: string }
  | { kind: "tabled"; option: string; title: string; by: string }
  | { kind: "drafting"; joined: string[]; left: string[]; members: string[] }
  /** Stances declared since the last model, face up now. */
  | { kind: "positions"; declared: { role: string; option: string; stance: Stance }[] }
  | { kind: "verdict"; adopted: string; title: string; by: "consensus" | "vote" | "status-quo"; statusQuo: string; blockedBy: string[]; rule: string }
  | { kind: "payoffs"; option: string; payoffs: { role: string; payoff: number }[] };

export type MomentKind = Moment["kind"];

function newVoice(before: VoiceModel | null, after: VoiceModel | null): VoiceModel | null {
  return after && after.id !== before?.id ? after : null;
}

/**
 * What changed from `before` to `after`, in the order a viewer should see it. Nothing when
 * there is no `before` (a page opened mid-round shows the table as it is, without replaying
 * what already happened) or when the two models are of different tables' rounds that do not
 * follow one another.
 */
export function momentsBetween(before: TableModel | null, after: TableModel): Moment[] {
  if (!before) return [];
  const moments: Moment[] = [];
  const seatBefore = new Map(before.seats.map((s) => [s.role, s]));
  const newRound = after.round !== before.round;
  const explained = new Map<string, number>();
  const explain = (role: string, delta: number) => explained.set(role, (explained.get(role) ?? 0) + delta);

  if (newRound) {
    const income = after.seats.map((s) => ({ role: s.role, amount: s.tokens - (seatBefore.get(s.role)?.tokens ?? 0) })).filter((x) => x.amount > 0);
    for (const x of income) explain(x.role, x.amount);
    moments.push({ kind: "round-opened", round: after.round, city: after.venue.city, income });
  }

  if (!newRound) {
    for (const seat of after.seats) {
      const was = seatBefore.get(seat.role);
      if (!was || was.mode === seat.mode) continue;
      const sponsor = sponsorOf(seat);
      const selfPaid = seat.mode === "in-person" && seat.paidBy === seat.role;
      if (selfPaid) explain(seat.role, -seat.tripCost);
      if (sponsor) explain(sponsor, -(after.fellowships.find((f) => f.to === seat.role && f.from === sponsor && f.status === "accepted")?.sponsorPays ?? 0));
      // Trips settled as travel closes are told all together, below.
      if (after.phase === "travel") moments.push({ kind: "trip-booked", role: seat.role, mode: seat.mode, sponsor, selfPaid, cost: seat.tripCost });
    }
    if (before.screen === "map" && after.screen === "room") {
      const by = (mode: SeatMode) => after.seats.filter((s) => s.mode === mode).map((s) => s.role);
      const sponsored = after.seats.flatMap((s) => {
        const sponsor = sponsorOf(s);
        return sponsor ? [{ role: s.role, sponsor }] : [];
      });
      moments.push({ kind: "travel-closed", city: after.venue.city, inPerson: by("in-person"), remote: by("remote"), absent: [...by("absent"), ...by("undecided")], sponsored });
    }

    const seenGrants = new Set(before.grants.map((g) => g.id));
    for (const grant of after.grants) {
      if (seenGrants.has(grant.id)) continue;
      explain(grant.from, -grant.amount);
      explain(grant.to, grant.amount);
      moments.push({ kind: "grant", id: grant.id, from: grant.from, to: grant.to, amount: grant.amount });
    }
  }

  const changes = after.seats.flatMap((seat) => {
    const was = seatBefore.get(seat.role);
    if (!was) return [];
    const unexplained = seat.tokens - was.tokens - (explained.get(seat.role) ?? 0);
    return unexplained !== 0 ? [{ role: seat.role, from: seat.tokens - unexplained, to: seat.tokens }] : [];
  });
  if (changes.length > 0) moments.push({ kind: "balances", changes });

  if (newRound) return moments;

  const floor = newVoice(before.floor, after.floor);
  if (floor) moments.push({ kind: "floor", role: floor.role, text: floor.text });
  const remote = newVoice(before.remote, after.remote);
  if (remote) moments.push({ kind: "remote-comment", role: remote.role, text: remote.text });

  const tabledBefore = new Set(before.tabled.map((x) => x.option));
  for (const card of after.tabled) if (!tabledBefore.has(card.option)) moments.push({ kind: "tabled", option: card.option, title: card.title, by: card.by });

  const drafting = (model: TableModel) => model.seats.filter((s) => s.drafting).map((s) => s.role);
  const draftingBefore = new Set(drafting(before));
  const members = drafting(after);
  const joined = members.filter((r) => !draftingBefore.has(r));
  const left = [...draftingBefore].filter((r) => !members.includes(r));
  if (joined.length > 0 || left.length > 0) moments.push({ kind: "drafting", joined, left, members });

  const declared = after.seats.flatMap((seat) =>
    Object.entries(seat.stances).flatMap(([option, stance]) => (seatBefore.get(seat.role)?.stances[option] === stance ? [] : [{ role: seat.role, option, stance }])),
  );
  if (declared.length > 0) moments.push({ kind: "positions", declared });

  if (after.verdict && !before.verdict) {
    const v = after.verdict;
    moments.push({ kind: "verdict", adopted: v.adopted, title: v.adoptedTitle, by: v.by, statusQuo: v.statusQuo, blockedBy: v.blockedBy, rule: v.rule });
    const payoffs = after.seats.flatMap((s) => (s.payoff === null ? [] : [{ role: s.role, payoff: s.payoff }]));
    if (payoffs.length > 0) moments.push({ kind: "payoffs", option: v.adopted, payoffs });
  }
  return moments;
}
