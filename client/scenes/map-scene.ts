// The travel map, shown in the briefing and travel phases: where this round meets (a pin and a
// postcard of the city), every delegation's emblem at home, and a ticket per delegation saying
// how it will get there — flying in at its own cost, on a ticket someone else paid (the
// sponsor's colour and emblem on the stub), on the video link, or not at all — with the
// tokens in its wallet. When travel closes, the trips play here before the room opens.
import * as Phaser from "phaser";
import { t } from "../text/catalog.js";
import { groupStyle } from "../ui/palette.js";
import { emblemOf, venueOf } from "./art.js";
import { mapLayout as M, planMap, type MapPlan } from "./map-layout.js";
import { playMapMoments, prepareMapMoments } from "./map-moments.js";
import { colourNumber, colours, depth, drawPile } from "./parts.js";
import { StageSceneBase } from "./stage-scene.js";
import type { Box, Point } from "./table-layout.js";
import type { Moment } from "./table-moments.js";
import type { SeatModel, TableModel } from "./table-model.js";
import { sponsorOf } from "./table-model.js";

export const mapSceneKey = "Map";

export class MapScene extends StageSceneBase {
  #plan: MapPlan | null = null;

  constructor() {
    super(mapSceneKey, "map-still");
  }

  get plan(): MapPlan | null {
    return this.#plan;
  }

  show(model: TableModel, moments: readonly Moment[]): Promise<void> {
    // A newer change wins: what still moves jumps to its end (the redraw puts it at rest).
    this.motion.cancel();
    this.cameras.main.setAlpha(1);
    this.model = model;
    this.still.release();
    this.#draw(model);
    this.still.bake(prepareMapMoments(this, model, moments));
    return this.playAndSettle(moments, playMapMoments(this, model, moments));
  }

  /** Where a role's wallet is on its ticket: coins fly to and from here. */
  walletOf(role: string): Point | undefined {
    const box = this.#plan?.tickets[role];
    return box && this.#walletPoint(box);
  }

  #walletPoint(box: Box): Point {
    const k = box.width / M.tickets.width;
    return { x: box.x - box.width / 2 + (M.ticket.stub + 26) * k, y: box.y + box.height / 2 - 30 * k };
  }

  #draw(model: TableModel): void {
    const r = this.r;
    r.begin();
    const title = t("table.map.title", { round: model.round + 1, rounds: model.rounds, city: model.venue.city });
    r.text("title", M.world.width / 2, M.title.y, title, { size: M.title.size, bold: true }).setDepth(depth.ground);
    r.text("meeting", M.world.width / 2, M.title.meetingY, `${model.venue.meeting} · ${model.dossier.title}`, { size: M.title.meetingSize, colour: colours.inkMuted, wrap: 960 }).setDepth(depth.ground);
    // The venue's name stays readable above the delegations flying in.
    const label = r.text("venue:label", 0, 0, model.venue.city, { size: M.pin.labelSize, bold: true }).setDepth(depth.flying + 3);
    const plan = planMap(
      model.seats.map((s) => ({ role: s.role, home: s.home })),
      model.venue,
      label.width,
    );
    this.#plan = plan;
    const map = M.map;
    if (plan.world) r.image("map", map.x + map.width / 2, map.y + map.height / 2, "worldMap", map.width, map.height).setDepth(depth.ground);
    else r.keep("map", () => this.add.rectangle(map.x + map.width / 2, map.y + map.height / 2, map.width, map.height, colourNumber("#CFE3EE")).setRounded(18).setDepth(depth.ground));
    this.#drawVenue(model, plan);
    for (const seat of model.seats) this.#drawHome(model, seat, plan);
    r.text("tickets:caption", M.world.width / 2, M.tickets.top + 4, t("table.map.tickets", { city: model.venue.city }), { size: M.tickets.captionSize, bold: true }).setDepth(depth.ground);
    for (const seat of model.seats) this.#drawTicket(model, seat, plan.tickets[seat.role] as Box);
    r.end();
  }

  #drawVenue(model: TableModel, plan: MapPlan): void {
    const r = this.r;
    const pc = plan.postcard;
    r.keep("postcard:frame", () => this.add.rectangle(pc.x, pc.y, pc.width + 12, pc.height + 12, colourNumber("#FFFFFF")).setStrokeStyle(3, colourNumber(colours.ink)).setDepth(depth.furniture)).setPosition(pc.x, pc.y);
    r.image("postcard", pc.x, pc.y, venueOf(model.venue.city), pc.width, pc.height).setDepth(depth.furniture);
    const v = plan.venue;
    r.image("pin", v.x, v.y - M.pin.height / 2, "pin", M.pin.width, M.pin.height).setDepth(depth.badges);
    const lb = plan.venueLabel;
    r.keep("venue:tag", () => this.add.rectangle(lb.x, lb.y, lb.width, lb.height, colourNumber("#FFFFFF")).setStrokeStyle(3, colourNumber(colours.loss)).setRounded(10).setDepth(depth.flying + 2)).setPosition(lb.x, lb.y).setSize(lb.width, lb.height);
    r.get<Phaser.GameObjects.Text>("venue:label")?.setPosition(lb.x, lb.y);
  }

  #drawHome(model: TableModel, seat: SeatModel, plan: MapPlan): void {
    const at = plan.homes[seat.role];
    if (!at) return;
    const r = this.r;
    const key = `home:${seat.role}`;
    const size = M.emblem;
    if (seat.mine) r.keep(`${key}:mine`, () => this.add.ellipse(at.x, at.y, size + 18, size + 18, colourNumber(colours.highlight)).setStrokeStyle(3, colourNumber(colours.ink)).setDepth(depth.seats)).setPosition(at.x, at.y);
    r.image(`${key}:emblem`, at.x, at.y, emblemOf(seat.emblem, seat.group), size, size).setDepth(depth.seats + 1).setAlpha(seat.mode === "absent" ? 0.4 : 1);
    r.text(`${key}:label`, at.x, at.y + size / 2 + 6, seat.short, { size: 24, bold: true, colour: colours.paper, stroke: { colour: colours.ink, width: 5 } }).setDepth(depth.seats + 2);
    const icon = seat.mode === "in-person" ? "plane" : seat.mode === "remote" ? "video" : null;
    if (icon) r.image(`${key}:mode`, at.x + size / 2 - 10, at.y - size / 2 + 8, icon, 28, 28).setDepth(depth.seats + 2);
    void model;
  }

  #drawTicket(model: TableModel, seat: SeatModel, box: Box): void {
    const r = this.r;
    const key = `ticket:${seat.role}`;
    const k = box.width / M.tickets.width;
    const T = M.ticket;
    const left = box.x - box.width / 2;
    const top = box.y - box.height / 2;
    const faded = seat.mode === "absent" ? 0.55 : 1;
    if (seat.mine) r.keep(`${key}:mine`, () => this.add.rectangle(box.x, box.y, 0, 0, colourNumber(colours.highlight)).setRounded(14).setDepth(depth.furniture)).setPosition(box.x, box.y).setSize(box.width + 14, box.height + 14).setStrokeStyle(3, colourNumber(colours.ink));
    r.image(`${key}:paper`, box.x, box.y, "ticket", box.width, box.height).setDepth(depth.furniture + 1).setAlpha(faded);
    r.image(`${key}:emblem`, left + (T.stub / 2) * k, top + box.height * 0.42, emblemOf(seat.emblem, seat.group), T.emblem * k, T.emblem * k).setDepth(depth.seats).setAlpha(faded);
    const textLeft = left + (T.stub + T.padding) * k;
    const name = seat.mine ? `${seat.short} · ${t("table.you")}` : seat.short;
    r.text(`${key}:name`, textLeft, top + 24 * k, name, { size: T.nameSize, bold: true, originX: 0 }).setDepth(depth.seats);
    const sponsor = sponsorOf(seat);
    const payer = sponsor ? model.seats.find((s) => s.role === sponsor) : undefined;
    const offer = model.fellowships.find((f) => f.to === seat.role && f.status === "offered");
    const offerFrom = offer ? model.seats.find((s) => s.role === offer.from) : undefined;
    const status =
      seat.mode === "in-person"
        ? payer
          ? t("table.ticket.sponsored", { sponsor: payer.short })
          : seat.paidBy === seat.role
            ? t("table.ticket.self")
            : t("table.ticket.paidUnknown")
        : seat.mode === "undecided" && offerFrom
          ? t("table.ticket.offer", { sponsor: offerFrom.short })
          : t(`table.ticket.${seat.mode}`);
    const icon = seat.mode === "in-person" ? "plane" : seat.mode === "remote" ? "video" : null;
    const statusLeft = textLeft + (icon ? (T.icon + 6) * k : 0);
    if (icon) r.image(`${key}:icon`, textLeft + (T.icon / 2) * k, top + 66 * k, icon, T.icon * k, T.icon * k).setDepth(depth.seats);
    r.text(`${key}:status`, statusLeft, top + 66 * k, status, { size: T.statusSize, colour: seat.mode === "undecided" && !offerFrom ? colours.inkMuted : colours.ink, originX: 0, align: "left", wrap: box.width - (statusLeft - left) - 10 * k }).setDepth(depth.seats);
    if (seat.travellers > 1 && seat.mode === "in-person") {
      for (let i = 0; i < Math.min(seat.travellers, 5); i++) r.image(`${key}:person${i}`, box.x + box.width / 2 - 22 * k - i * 20 * k, top + 26 * k, "person", 16 * k, 26 * k).setDepth(depth.seats);
    }
    const wallet = this.#walletPoint(box);
    drawPile(r, `${key}:wallet`, wallet, seat.tokens, { coin: { width: 34 * k, height: 23 * k, step: 4 * k }, maxCoins: 4, labelSize: T.walletSize, stroke: 5 });
    const mark = payer ?? offerFrom;
    if (mark) {
      // The sponsor's colour down the stub and its emblem on it: who paid (or offers to pay) the ticket.
      const colour = colourNumber(groupStyle[mark.group].colour);
      r.keep(`${key}:stripe`, () => this.add.rectangle(0, 0, 1, 1).setDepth(depth.seats)).setPosition(left + (T.stripe / 2 + 4) * k, box.y).setSize(T.stripe * k, box.height - 16 * k).setFillStyle(colour, payer ? 1 : 0.45);
      r.image(`${key}:sponsor`, left + (T.stub - T.sponsorEmblem / 2 - 8) * k, top + box.height - (T.sponsorEmblem / 2 + 8) * k, emblemOf(mark.emblem, mark.group), T.sponsorEmblem * k, T.sponsorEmblem * k).setDepth(depth.badges).setAlpha(payer ? 1 : 0.6);
    }
  }
}
