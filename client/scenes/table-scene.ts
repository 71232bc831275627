// The meeting room: the table with a seat for every delegation in the room (emblem, people,
// token pile, hand of stance cards), the empty chair of the public at its foot, screens on the
// wall for those on the video link, faded emblems by the door for those not here, the options
// on the table, the drafting group's sheet, the last voice, the verdict and what it means for
// each seat. `show()` redraws to a model and plays the moments that led to it
// (room-moments.ts); between changes nothing is drawn.
import { t } from "../text/catalog.js";
import { groupStyle } from "../ui/palette.js";
import { emblemOf, venueOf } from "./art.js";
import { colourNumber, colours, depth } from "./parts.js";
import { drawDelegation, type Spot } from "./room-delegation.js";
import { playRoomMoments, prepareRoomMoments } from "./room-moments.js";
import { StageSceneBase, type StageSceneData } from "./stage-scene.js";
import { cardPositions, chipPosition, emptyChairPosition, notHerePositions, pilePosition, screenBoxes, seatAngle, seatPositions, tableCentre, tableLayout as L, type Point } from "./table-layout.js";
import type { Moment } from "./table-moments.js";
import type { SeatModel, TableModel } from "./table-model.js";

export const roomSceneKey = "Room";

export class RoomScene extends StageSceneBase {
  #spots = new Map<string, Spot>();
  /** The voice in the bubble and when the bubble closes. */
  #bubble: { id: string; role: string; text: string; remote: boolean } | null = null;
  #bubbleTimer: number | undefined;
  #onWake: () => void = () => undefined;

  constructor() {
    super(roomSceneKey, "room-still");
  }

  override init(data: StageSceneData): void {
    super.init(data);
    this.#onWake = data.wake;
  }

  protected override shutdown(): void {
    window.clearTimeout(this.#bubbleTimer);
  }

  spotOf(role: string): Spot | undefined {
    return this.#spots.get(role);
  }

  show(model: TableModel, moments: readonly Moment[]): Promise<void> {
    const voice = moments.find((m): m is Extract<Moment, { kind: "floor" | "remote-comment" }> => m.kind === "floor" || m.kind === "remote-comment");
    if (voice) this.#openBubble(voice.kind === "floor" ? model.floor?.id : model.remote?.id, voice.role, voice.text, voice.kind === "remote-comment");
    // A newer change wins: what still moves jumps to its end (the redraw puts it at rest).
    this.motion.cancel();
    this.cameras.main.setAlpha(1);
    this.model = model;
    this.still.release();
    this.#draw(model);
    this.still.bake(prepareRoomMoments(this, moments));
    return this.playAndSettle(moments, playRoomMoments(this, model, moments));
  }

  #openBubble(id: string | undefined, role: string, text: string, remote: boolean): void {
    this.#bubble = { id: id ?? "", role, text, remote };
    window.clearTimeout(this.#bubbleTimer);
    // The bubble closes by itself; the words stay in the screen readers' log and the feed.
    this.#bubbleTimer = window.setTimeout(() => {
      this.#bubble = null;
      if (this.model && this.sys.isActive()) void this.show(this.model, []);
      this.#onWake();
    }, L.bubble.hideAfterMs);
  }

  #draw(model: TableModel): void {
    const r = this.r;
    r.begin();
    this.#drawWall(model);
    this.#placeSpots(model);
    this.#drawFloor();
    for (const seat of model.seats) {
      const spot = this.#spots.get(seat.role);
      if (spot) drawDelegation(this, this.r, model, seat, spot);
    }
    this.#drawEmptyChair();
    this.#drawLegend(model);
    this.#drawCards(model);
    this.#drawDrafting(model);
    this.#drawVerdict(model);
    this.#drawBubble(model);
    r.end();
  }

  #placeSpots(model: TableModel): void {
    this.#spots.clear();
    const inRoom = model.seats.filter((s) => s.mode === "in-person");
    const seats = seatPositions(inRoom.length);
    inRoom.forEach((seat, i) => {
      const at = seats[i] as Point;
      const angle = seatAngle(i, inRoom.length);
      const box = { ...at, width: L.seats.chair, height: L.seats.chair };
      this.#spots.set(seat.role, { kind: "seat", at, pile: pilePosition(angle), chip: chipPosition(at), angle, box });
    });
    const remote = model.seats.filter((s) => s.mode === "remote");
    screenBoxes(remote.length).forEach((box, i) => {
      const seat = remote[i] as SeatModel;
      this.#spots.set(seat.role, { kind: "screen", at: box, pile: { x: box.x - 14, y: L.screens.tokensY }, chip: { x: box.x + box.width / 2 - 10, y: box.y - box.height / 2 + 8 }, angle: -Math.PI / 2, box });
    });
    const away = model.seats.filter((s) => s.mode !== "in-person" && s.mode !== "remote");
    notHerePositions(away.length).forEach((at, i) => {
      const seat = away[i] as SeatModel;
      const size = L.notHere.emblem;
      this.#spots.set(seat.role, { kind: "away", at, pile: { x: at.x, y: at.y + size / 2 + 14 }, chip: { x: at.x + size / 2, y: at.y - size / 2 + 6 }, angle: -Math.PI / 2, box: { ...at, width: size, height: size } });
    });
  }

  #drawWall(model: TableModel): void {
    const r = this.r;
    const w = L.world.width;
    r.keep("wall", () => this.add.rectangle(w / 2, L.wall.height / 2, w, L.wall.height, colourNumber(L.wall.colour)).setDepth(depth.ground));
    r.keep("skirting", () => this.add.rectangle(w / 2, L.wall.height, w, L.wall.skirtingHeight, colourNumber(L.wall.skirting)).setDepth(depth.ground));
    const win = L.window;
    r.keep("window:frame", () => this.add.rectangle(win.x + win.width / 2, win.y + win.height / 2, win.width + win.frame * 2, win.height + win.frame * 2, colourNumber("#FFFDF5")).setStrokeStyle(3, colourNumber(colours.ink)).setDepth(depth.ground));
    r.image("window:view", win.x + win.width / 2, win.y + win.height / 2, venueOf(model.venue.city), win.width, win.height).setDepth(depth.ground);
    r.text("window:caption", win.x + win.width / 2, win.captionY, model.venue.city, { size: win.captionSize, bold: true }).setDepth(depth.ground);
    const s = L.screens;
    r.text("screens:caption", (s.left + s.right) / 2, s.captionY, model.seats.some((x) => x.mode === "remote") ? t("table.wall") : t("table.wallEmpty"), { size: s.captionSize, colour: colours.inkMuted }).setDepth(depth.ground);
    const n = L.notHere;
    if (model.seats.some((x) => x.mode !== "in-person" && x.mode !== "remote")) r.text("away:caption", (n.left + n.right) / 2, n.captionY, t("table.notHere"), { size: n.labelSize, colour: colours.inkMuted }).setDepth(depth.ground);
  }

  #drawFloor(): void {
    const c = tableCentre();
    this.r.keep("carpet", () => this.add.ellipse(c.x, c.y + 10, L.seats.rx * 2 + 150, L.seats.ry * 2 + 110, colourNumber(L.floor.carpet)).setDepth(depth.ground));
    this.r.image("table", c.x, c.y, "table", L.table.width, L.table.height).setDepth(depth.furniture);
  }

  #drawEmptyChair(): void {
    const at = emptyChairPosition();
    this.r.image("public:chair", at.x, at.y, "chair", L.seats.chair, L.seats.chair).setDepth(depth.furniture).setAlpha(L.emptyChair.alpha);
    this.r.text("public:label", at.x, at.y + 12, t("table.emptyChairLabel"), { size: L.emptyChair.labelSize, bold: true, colour: colours.inkMuted, wrap: L.seats.chair + 40 }).setDepth(depth.seats);
  }

  /** One line at the foot of the room: what the marks on the table mean in this phase. */
  #drawLegend(model: TableModel): void {
    const declaring = model.phase === "decision" && model.seats.some((s) => (s.mode === "in-person" || s.mode === "remote") && model.tabled.some((x) => !s.stances[x.option]));
    const key = model.verdict ? "table.legend.payoffs" : model.tabled.length === 0 ? "table.legend.tokens" : model.phase === "negotiation" ? "table.legend.counts" : declaring ? "table.legend.cardsPending" : "table.legend.cards";
    this.r.text("legend", L.world.width / 2, L.legend.y, t(key), { size: L.legend.size, colour: colours.inkMuted }).setDepth(depth.items);
  }

  #drawCards(model: TableModel): void {
    const c = tableCentre();
    if (model.tabled.length === 0) {
      if (!model.verdict) this.r.text("cards:none", c.x, L.cards.centreY, t("table.nothingTabled"), { size: 28, colour: colours.paper }).setDepth(depth.items);
      return;
    }
    const positions = cardPositions(model.tabled.length);
    const { width, height, idSize, countSize } = L.cards;
    model.tabled.forEach((card, i) => {
      const p = positions[i] as Point;
      const k = `card:${card.option}`;
      this.r.keep(`${k}:bg`, () => this.add.rectangle(p.x, p.y, width, height).setDepth(depth.items)).setPosition(p.x, p.y).setSize(width, height).setFillStyle(colourNumber("#FFFDF5")).setStrokeStyle(3, colourNumber(colours.ink)).setRounded(10);
      this.r.text(`${k}:id`, p.x, p.y - 18, card.option, { size: idSize, bold: true }).setDepth(depth.items);
      this.r.text(`${k}:counts`, p.x, p.y + 28, t("table.cardCounts", { support: card.support, object: card.object }), { size: countSize, colour: colours.ink }).setDepth(depth.items);
    });
  }

  #drawDrafting(model: TableModel): void {
    const members = model.seats.filter((s) => s.drafting);
    if (members.length === 0) return;
    const { y, width, height, emblem, titleSize } = L.drafting;
    const c = tableCentre();
    this.r.keep("drafting:sheet", () => this.add.rectangle(c.x, y, width, height).setDepth(depth.items)).setPosition(c.x, y).setSize(width, height).setFillStyle(colourNumber("#FFFFFF")).setStrokeStyle(3, colourNumber(colours.ink)).setRounded(6);
    this.r.image("drafting:pen", c.x - width / 2 + 26, y, "pen", 40, 40).setDepth(depth.items);
    this.r.text("drafting:title", c.x - width / 2 + 52, y - height / 2 + 18, t("table.draftingGroup"), { size: titleSize, bold: true, originX: 0 }).setDepth(depth.items);
    const shown = members.slice(0, 6);
    shown.forEach((m, i) => {
      this.r.image(`drafting:m:${m.role}`, c.x - width / 2 + 52 + emblem / 2 + i * (emblem + 4), y + 14, emblemOf(m.emblem, m.group), emblem - 6, emblem - 6).setDepth(depth.items);
    });
  }

  #drawVerdict(model: TableModel): void {
    const v = model.verdict;
    if (!v) return;
    const c = tableCentre();
    const { width, height, titleSize, lineSize } = L.verdict;
    const statusQuo = v.by === "status-quo";
    const card = this.r.keep("verdict:card", () => this.add.rectangle(c.x, L.verdict.y, width, height).setDepth(depth.overlay));
    const title = statusQuo ? t("table.verdict.statusQuo", { option: v.adopted }) : t("table.verdict.adopted", { option: v.adopted });
    const how = t(`table.verdict.how.${v.by}`, { rule: t(`rule.short.${v.rule}` as "rule.short.R1") });
    // Who objected to what is on the screen beside the table, option by option; one list of
    // every objector under "A1 stays" read as if they had all blocked the status quo.
    const blocked = v.blockedBy.length > 0 ? `\n${t("table.verdict.blocked")}` : "";
    const lines = [
      this.r.text("verdict:title", c.x, 0, title, { size: titleSize, bold: true, colour: statusQuo ? colours.loss : colours.gain, wrap: width - 40 }),
      this.r.text("verdict:option", c.x, 0, v.adoptedTitle, { size: lineSize, bold: true, wrap: width - 40 }),
      this.r.text("verdict:how", c.x, 0, how + blocked, { size: lineSize, colour: colours.inkMuted, wrap: width - 40 }),
    ];
    // The card grows with its lines (a long option title, a language whose words are longer),
    // centred where it always stands, so no line sits on its edge.
    const padding = 24;
    const gap = 10;
    const content = lines.reduce((sum, line) => sum + line.height, 0) + gap * (lines.length - 1);
    const cardHeight = Math.max(height, content + 2 * padding);
    let y = L.verdict.y - content / 2;
    for (const line of lines) {
      line.setY(y + line.height / 2).setDepth(depth.overlay);
      y += line.height + gap;
    }
    card.setPosition(c.x, L.verdict.y).setSize(width, cardHeight).setFillStyle(colourNumber("#FFFDF5")).setStrokeStyle(6, colourNumber(statusQuo ? colours.loss : colours.gain)).setRounded(14);
  }

  #drawBubble(model: TableModel): void {
    const b = this.#bubble;
    if (!b) return;
    const spot = this.#spots.get(b.role);
    if (!spot) return;
    const { width, size, padding } = L.bubble;
    const y = b.remote ? L.wall.height + 70 : L.bubble.y;
    const c = tableCentre();
    const name = model.seats.find((s) => s.role === b.role)?.short ?? b.role;
    const words = this.r.text("bubble:text", c.x, y, `${name}: “${b.text}”`, { size, wrap: width - padding * 2, align: "left" }).setDepth(depth.overlay + 2);
    const lineHeight = size * 1.25;
    if (words.height > lineHeight * L.bubble.maxLines) {
      // Long statements are cut on the canvas; the whole text is in the feed and the log.
      let cut = b.text;
      while (cut.length > 10 && words.height > lineHeight * L.bubble.maxLines) {
        cut = cut.slice(0, Math.floor(cut.length * 0.85));
        words.setText(`${name}: “${cut.trimEnd()}…”`);
      }
    }
    const h = words.height + padding * 2;
    const g = this.r.keep("bubble:shape", () => this.add.graphics().setDepth(depth.overlay + 1));
    const tip = { x: spot.box.x, y: spot.box.y + (spot.box.y < y ? spot.box.height / 2 - 10 : -spot.box.height / 2 + 10) };
    const baseY = tip.y < y ? y - h / 2 : y + h / 2;
    g.clear()
      .fillStyle(colourNumber("#FFFFFF"))
      .lineStyle(4, colourNumber(b.remote ? groupStyle.technical.colour : colours.ink))
      .fillTriangle(tip.x, tip.y, Math.max(c.x - width / 2 + 40, Math.min(c.x + width / 2 - 80, tip.x)), baseY, Math.max(c.x - width / 2 + 80, Math.min(c.x + width / 2 - 40, tip.x + 40)), baseY)
      .fillRoundedRect(c.x - width / 2, y - h / 2, width, h, 18)
      .strokeRoundedRect(c.x - width / 2, y - h / 2, width, h, 18);
  }
}
