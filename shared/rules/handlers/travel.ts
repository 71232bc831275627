// Travel: each delegation books its trip (paid by itself, cheaper near home) or takes part
// remotely for free; richer roles offer fellowships that pay a guest's trip, which the guest
// accepts or declines. Closing the travel phase settles whoever did not choose.
import { LIMITS } from "../commands.js";
import type { GameEvent } from "../events.js";
import { delegatesOf, roleOf, travelCost } from "../helpers.js";
import type { Rejection } from "../rejections.js";
import { reject } from "../rejections.js";
import type { Attendance, Fellowship, MatchState } from "../types.js";
import { checkBotLine } from "./bot-line.js";
import { checkText, isRejection, no, ok, refused, type Handlers, type Seat } from "./context.js";

/** An offer still open at the seat's table, or why it cannot be answered. */
function openOffer(seat: Seat, id: string): Fellowship | Rejection {
  const offer = seat.table.fellowships.find((f) => f.id === id);
  if (!offer) return reject("unknown-offer");
  if (offer.status !== "offered") return reject("offer-closed");
  return offer;
}

export const TRAVEL: Handlers<"BookTravel" | "OfferFellowship" | "WithdrawFellowship" | "AcceptFellowship" | "DeclineFellowship"> = {
  BookTravel: {
    by: "seat",
    decide: (command, { state, seat }) => {
      const { table, role, me, mode, dossier } = seat;
      if (mode === "in-person") return no("already-booked");
      if (command.mode === "remote") {
        return ok({ type: "TravelBooked", table: table.index, role: role.id, attendance: { mode: "remote", delegates: 1, paidBy: null, cost: 0, defaulted: false }, defaulted: false });
      }
      if (command.mode !== "in-person") return no("bad-input");
      if (!role.canTravelAlone) return no("cannot-travel-alone");
      const delegates = command.delegates ?? 1;
      if (!Number.isInteger(delegates) || delegates < 1 || delegates > role.maxDelegates) return no("too-many-delegates", { max: role.maxDelegates });
      const cost = delegates * travelCost(state.scenario, role, dossier);
      if (me.tokens < cost) return no("not-enough-tokens", { need: "trip", cost, have: me.tokens });
      return ok({ type: "TravelBooked", table: table.index, role: role.id, attendance: { mode: "in-person", delegates, paidBy: role.id, cost, defaulted: false }, defaulted: false });
    },
  },

  OfferFellowship: {
    by: "seat",
    decide: (command, { state, seat }) => {
      const { table, role, round, me, dossier } = seat;
      const guest = roleOf(state.scenario, command.to);
      if (!guest) return no("unknown-role");
      if (guest.id === role.id) return no("self-offer");
      if (round.attendance[guest.id]?.mode === "in-person") return no("already-attending");
      if (table.fellowships.some((f) => f.status === "offered" && f.from === role.id && f.to === guest.id && f.round === state.round)) return no("offer-pending");
      const note = checkText(command.note ?? "-", LIMITS.note);
      if (isRejection(note)) return refused(note);
      const expects = command.expects ?? null;
      if (expects !== null && !dossier.options.some((o) => o.id === expects)) return no("unknown-option");
      if (state.settings.variants.fellowships === "hard" && expects === null) return no("expectation-required");
      const line = checkBotLine(command.line, "OfferFellowship", seat, state.scenario);
      if (isRejection(line)) return refused(line);
      // The option a note hopes for is the one the offer names.
      if (line?.option !== undefined && line.option !== expects) return no("bad-input");
      const cost = travelCost(state.scenario, guest, dossier);
      const programme = command.programme === true;
      if (programme) {
        const used = round.programmeSeatsUsed[role.id] ?? 0;
        const open = table.fellowships.filter((f) => f.programme && f.from === role.id && f.round === state.round && f.status === "offered").length;
        if (used + open >= role.abilities.programmeSeats) return no("no-programme-seats");
      } else if (me.tokens < cost) return no("not-enough-tokens", { need: "guestTrip", cost, have: me.tokens });
      return ok({ type: "FellowshipOffered", table: table.index, id: `f${state.nextId}`, from: role.id, to: guest.id, cost, programme, note: command.note ? note : "", expects, ...(line ? { line } : {}) });
    },
  },

  WithdrawFellowship: {
    by: "seat",
    decide: (command, { seat }) => {
      const offer = openOffer(seat, command.fellowship);
      if (isRejection(offer)) return refused(offer);
      if (offer.from !== seat.role.id) return no("not-your-offer");
      return ok({ type: "FellowshipWithdrawn", table: seat.table.index, id: offer.id });
    },
  },

  AcceptFellowship: {
    by: "seat",
    decide: (command, { seat }) => {
      const offer = openOffer(seat, command.fellowship);
      if (isRejection(offer)) return refused(offer);
      if (offer.to !== seat.role.id) return no("not-your-offer");
      if (seat.mode === "in-person") return no("already-attending");
      const sponsor = seat.table.delegations[offer.from];
      if (!offer.programme && (!sponsor || sponsor.tokens < offer.cost)) return no("not-enough-tokens", { need: "sponsor" });
      const attendance: Attendance = { mode: "in-person", delegates: 1, paidBy: offer.from, cost: offer.cost, defaulted: false };
      return ok({ type: "FellowshipAccepted", table: seat.table.index, id: offer.id, attendance });
    },
  },

  DeclineFellowship: {
    by: "seat",
    decide: (command, { seat }) => {
      const offer = openOffer(seat, command.fellowship);
      if (isRejection(offer)) return refused(offer);
      if (offer.to !== seat.role.id) return no("not-your-offer");
      return ok({ type: "FellowshipDeclined", table: seat.table.index, id: offer.id });
    },
  },
};

/**
 * Run-sheet hook, as travel closes: open offers lapse; roles that did not book attend
 * remotely if someone holds the seat, else they are absent.
 */
export function settleTravel(state: MatchState): GameEvent[] {
  const events: GameEvent[] = [];
  for (const table of state.tables) {
    const round = table.rounds[state.round];
    if (!round) continue;
    const lapsed = table.fellowships.filter((f) => f.status === "offered").map((f) => f.id);
    if (lapsed.length) events.push({ type: "FellowshipsLapsed", table: table.index, ids: lapsed });
    for (const role of state.scenario.roles) {
      if (round.attendance[role.id]) continue;
      const seated = delegatesOf(state, table.index, role.id).length > 0;
      const attendance: Attendance = { mode: seated ? "remote" : "absent", delegates: seated ? 1 : 0, paidBy: null, cost: 0, defaulted: true };
      events.push({ type: "TravelBooked", table: table.index, role: role.id, attendance, defaulted: true });
    }
  }
  return events;
}
