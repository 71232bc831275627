// The table in words, for screen readers: the whole table as one description (the canvas's
// label) and each animated moment as a sentence (the stage's live log). Every fact the canvas
// animates is told here; nothing here is drawn.
import { formatList, t } from "../text/catalog.js";
import type { Moment } from "./table-moments.js";
import type { SeatModel, TableModel } from "./table-model.js";
import { sponsorOf } from "./table-model.js";

/** "A, B and C" in the device's language ("A, B y C"). */
function list(items: string[]): string {
  return items.length > 0 ? formatList(items) : t("table.says.none");
}

function nameOf(model: TableModel, role: string): string {
  return model.seats.find((s) => s.role === role)?.name ?? role;
}

function signed(value: number): { sign: string; value: number } {
  return { sign: value > 0 ? "+" : value < 0 ? "−" : "±", value: Math.abs(value) };
}

export function tripWords(seat: SeatModel, model: TableModel): string {
  const role = seat.name;
  const sponsor = sponsorOf(seat);
  if (seat.mode === "in-person") {
    if (sponsor) return t("table.says.trip.sponsored", { role, sponsor: nameOf(model, sponsor) });
    return seat.paidBy === seat.role ? t("table.says.trip.self", { role }) : t("table.says.trip.paidUnknown", { role });
  }
  return t(`table.says.trip.${seat.mode}`, { role });
}

/** One description of everything the canvas shows now. */
export function describeTable(model: TableModel): string {
  const round = model.round + 1;
  const names = (mode: SeatModel["mode"]) => list(model.seats.filter((s) => s.mode === mode).map((s) => s.name));
  const parts: string[] = [];
  if (model.screen === "map") {
    parts.push(t("table.says.map", { round, rounds: model.rounds, city: model.venue.city, meeting: model.venue.meeting, trips: `${model.seats.map((s) => tripWords(s, model)).join(". ")}.` }));
  } else {
    parts.push(t("table.says.room", { round, rounds: model.rounds, city: model.venue.city, inRoom: names("in-person"), remote: names("remote"), absent: list(model.seats.filter((s) => s.mode === "absent" || s.mode === "undecided").map((s) => s.name)) }));
    const sponsored = model.seats.flatMap((s) => {
      const sponsor = sponsorOf(s);
      return sponsor ? [t("table.moment.sponsoredPair", { role: s.name, sponsor: nameOf(model, sponsor) })] : [];
    });
    if (sponsored.length > 0) parts.push(t("table.moment.sponsoredList", { list: list(sponsored) }));
    parts.push(t("table.says.emptyChair", { who: model.emptyChair }));
  }
  parts.push(t("table.says.tokens", { list: list(model.seats.map((s) => `${s.short} ${s.tokens}`)) }));
  if (model.screen === "room") {
    const drafting = model.seats.filter((s) => s.drafting).map((s) => s.name);
    if (drafting.length > 0) parts.push(t("table.says.drafting", { list: list(drafting) }));
    if (model.floor) parts.push(t("table.says.floor", { role: nameOf(model, model.floor.role) }));
    parts.push(
      model.tabled.length > 0
        ? t("table.says.tabled", { list: list(model.tabled.map((c) => t("table.says.tabledCounts", { option: `${c.option} ${c.title}`, support: c.support, live: c.live, object: c.object }))) })
        : t("table.says.nothingTabled"),
    );
    if (model.verdict) parts.push(t("table.says.verdict", { verdict: momentWords({ kind: "verdict", ...model.verdict, title: model.verdict.adoptedTitle }, model) }));
  }
  return parts.join(" ");
}

/** One sentence for one moment, with the names a student knows. */
export function momentWords(moment: Moment, model: TableModel): string {
  const name = (role: string) => nameOf(model, role);
  switch (moment.kind) {
    case "round-opened": {
      const opened = t("table.moment.roundOpened", { round: moment.round + 1, city: moment.city });
      if (moment.income.length === 0) return opened;
      return `${opened} ${t("table.moment.income", { list: list(moment.income.map((x) => `${name(x.role)} +${x.amount}`)) })}`;
    }
    case "trip-booked": {
      const role = name(moment.role);
      const city = model.venue.city;
      if (moment.mode === "in-person") {
        if (moment.sponsor) return t("table.moment.tripBooked.sponsored", { role, city, sponsor: name(moment.sponsor) });
        return moment.selfPaid ? t("table.moment.tripBooked.self", { role, city, cost: moment.cost }) : t("table.moment.tripBooked.paidUnknown", { role, city });
      }
      return moment.mode === "remote" ? t("table.moment.tripBooked.remote", { role }) : t("table.moment.tripBooked.absent", { role });
    }
    case "travel-closed": {
      const closed = t("table.moment.travelClosed", { city: moment.city, inPerson: list(moment.inPerson.map(name)), remote: list(moment.remote.map(name)), absent: list(moment.absent.map(name)) });
      if (moment.sponsored.length === 0) return closed;
      return `${closed} ${t("table.moment.sponsoredList", { list: list(moment.sponsored.map((s) => t("table.moment.sponsoredPair", { role: name(s.role), sponsor: name(s.sponsor) }))) })}`;
    }
    case "grant":
      return t("table.moment.grant", { from: name(moment.from), to: name(moment.to), amount: moment.amount });
    case "balances":
      return t("table.moment.balances", { list: list(moment.changes.map((c) => t("table.moment.balance", { role: name(c.role), from: c.from, to: c.to }))) });
    case "floor":
      return t("table.moment.floor", { role: name(moment.role), text: moment.text });
    case "remote-comment":
      return t("table.moment.remote", { role: name(moment.role), text: moment.text });
    case "tabled":
      return t("table.moment.tabled", { by: name(moment.by), option: moment.option, title: moment.title });
    case "drafting": {
      const said: string[] = [];
      if (moment.joined.length > 0) said.push(t("table.moment.draftingJoined", { list: list(moment.members.map(name)) }));
      if (moment.left.length > 0) said.push(t("table.moment.draftingLeft", { list: list(moment.left.map(name)) }));
      return said.join(" ");
    }
    case "positions":
      return t("table.moment.positions", { list: list(moment.declared.map((d) => t(`table.moment.position.${d.stance}`, { role: name(d.role), option: d.option }))) });
    case "verdict": {
      const rule = t(`rule.short.${moment.rule}` as "rule.short.R1");
      const said =
        moment.by === "status-quo"
          ? t("table.moment.verdict.statusQuo", { rule, option: moment.adopted, title: moment.title })
          : t("table.moment.verdict.adopted", { rule, option: moment.adopted, title: moment.title, how: t(`table.moment.how.${moment.by}`) });
      return moment.blockedBy.length > 0 ? `${said} ${t("table.moment.verdict.blocked")}` : said;
    }
    case "payoffs":
      return t("table.moment.payoffs", { option: moment.option, list: list(moment.payoffs.map((p) => t("table.moment.payoff", { role: name(p.role), ...signed(p.payoff) }))) });
  }
}

export { signed };
