// The negotiating table: a seat per role (shape, letters and colour for its stakeholder
// group), who is in the room, remote or absent, token piles, delegates, the last speaker
// and the options on the table. It redraws only when its TableModel changes.
import * as Phaser from "phaser";
import { reportToE2e } from "../e2e-hooks.js";
import { t } from "../text/catalog.js";
import { groupStyle, okabeIto, toColourNumber, ui } from "../ui/palette.js";
import { seatPositions, tableCentre, tableLayout, tabledPositions, type Point } from "./table-layout.js";
import type { SeatModel, TableModel } from "./table-model.js";

export const tableSceneKey = "Table";

const rendererNames: Readonly<Record<number, "WebGL" | "Canvas" | "Headless">> = {
  [Phaser.WEBGL]: "WebGL",
  [Phaser.CANVAS]: "Canvas",
  [Phaser.HEADLESS]: "Headless",
};

const tokenColour = okabeIto.yellow;

export class TableScene extends Phaser.Scene {
  #model: TableModel | null = null;
  #drawnKey = "";
  #objects: Phaser.GameObjects.GameObject[] = [];
  #ready = false;

  constructor() {
    super(tableSceneKey);
  }

  /** Called by the screen on every view change; draws only when something visible changed. */
  setModel(model: TableModel): void {
    this.#model = model;
    if (this.#ready) this.#redraw();
  }

  create(): void {
    this.cameras.main.setBackgroundColor(ui.stage);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.#fit, this);
    this.#fit();
    this.#ready = true;
    this.#redraw();
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.#reportFirstFrame());
  }

  /** Zooms the camera so the whole square world fits the canvas, centred. */
  #fit(): void {
    const { width, height } = tableLayout.world;
    const camera = this.cameras.main;
    camera.setSize(this.scale.width, this.scale.height);
    camera.setZoom(Math.min(this.scale.width / width, this.scale.height / height));
    camera.centerOn(width / 2, height / 2);
  }

  #redraw(): void {
    const model = this.#model ?? { seats: [], tabled: [] };
    const key = JSON.stringify(model);
    if (key === this.#drawnKey) return;
    this.#drawnKey = key;
    for (const object of this.#objects) object.destroy();
    this.#objects = [];
    this.#drawTable();
    const positions = seatPositions(model.seats.length || tableLayout.seats.count);
    model.seats.forEach((seat, index) => this.#drawSeat(seat, positions[index] as Point));
    this.#drawTabled(model);
    reportToE2e({ seats: model.seats.length, drawn: key.length });
  }

  #keep<T extends Phaser.GameObjects.GameObject>(object: T): T {
    this.#objects.push(object);
    return object;
  }

  #text(x: number, y: number, text: string, sizePx: number, colour: string = ui.ink, bold = true): Phaser.GameObjects.Text {
    return this.#keep(
      this.add
        .text(x, y, text, {
          fontFamily: tableLayout.seatLabel.fontFamily,
          fontSize: `${sizePx}px`,
          fontStyle: bold ? "bold" : "normal",
          color: colour,
          resolution: Math.min(2, window.devicePixelRatio || 1),
        })
        .setOrigin(0.5),
    );
  }

  #drawTable(): void {
    const centre = tableCentre();
    const { radius, edgeWidth } = tableLayout.table;
    this.#keep(
      this.add
        .graphics()
        .fillStyle(toColourNumber(ui.table))
        .fillCircle(centre.x, centre.y, radius)
        .lineStyle(edgeWidth, toColourNumber(ui.tableEdge))
        .strokeCircle(centre.x, centre.y, radius),
    );
  }

  #drawSeat(seat: SeatModel, at: Point): void {
    const layout = tableLayout.seats;
    const style = groupStyle[seat.group];
    const colour = toColourNumber(style.colour);
    const g = this.#keep(this.add.graphics());
    const alpha = seat.mode === "absent" ? layout.absentAlpha : 1;
    g.setAlpha(alpha);
    if (seat.mine) g.lineStyle(layout.mineEdgeWidth, toColourNumber(ui.ink)).strokeCircle(at.x, at.y, layout.radius + layout.mineEdgeWidth);
    g.fillStyle(toColourNumber(seat.mode === "remote" ? ui.surface : ui.paper)).fillCircle(at.x, at.y, layout.radius);
    g.lineStyle(layout.edgeWidth, colour);
    if (seat.mode === "remote") {
      // A dashed ring: present by video link, not in the room.
      const step = (Math.PI * 2) / layout.dashes;
      for (let i = 0; i < layout.dashes; i++) {
        g.beginPath();
        g.arc(at.x, at.y, layout.radius, i * step, i * step + step / 2);
        g.strokePath();
      }
    } else g.strokeCircle(at.x, at.y, layout.radius);
    this.#groupMark(g, style.shape, at.x, at.y + tableLayout.groupMark.offsetY, colour);
    this.#text(at.x, at.y + 4, seat.short, tableLayout.seatLabel.fontSizePx).setAlpha(alpha);
    const modeWord = seat.mode === "in-person" ? "" : seat.mode === "remote" ? t("table.remote") : seat.mode === "absent" ? t("table.absent") : "";
    if (modeWord) this.#text(at.x, at.y + tableLayout.modeLabel.offsetY, modeWord, tableLayout.modeLabel.fontSizePx, ui.inkMuted, false);
    this.#drawTokens(seat.tokens, at);
    this.#drawDelegates(seat.delegates, at);
    if (seat.spokeLast) {
      const s = tableLayout.speaker;
      g.fillStyle(toColourNumber(okabeIto.vermillion)).fillCircle(at.x - s.offset, at.y - s.offset, s.radius);
      this.#text(at.x - s.offset, at.y - s.offset, "”", s.radius * 2, ui.paper);
    }
  }

  #groupMark(g: Phaser.GameObjects.Graphics, shape: string, x: number, y: number, colour: number): void {
    const s = tableLayout.groupMark.size / 2;
    g.fillStyle(colour);
    if (shape === "square") g.fillRect(x - s, y - s, s * 2, s * 2);
    else if (shape === "diamond") g.fillTriangle(x, y - s * 1.3, x + s * 1.3, y, x, y + s * 1.3).fillTriangle(x, y - s * 1.3, x - s * 1.3, y, x, y + s * 1.3);
    else if (shape === "triangle") g.fillTriangle(x, y - s * 1.2, x + s * 1.2, y + s, x - s * 1.2, y + s);
    else g.fillCircle(x, y, s);
  }

  #drawTokens(tokens: number, at: Point): void {
    const { discRadius, discStep, maxDiscs, distanceFromCentre, labelStep, fontSizePx, strokePx } = tableLayout.tokens;
    const centre = tableCentre();
    // The pile sits on the table in front of the seat; its count is written beside it.
    const dx = at.x - centre.x;
    const dy = at.y - centre.y;
    const length = Math.hypot(dx, dy) || 1;
    const x = centre.x + (dx / length) * distanceFromCentre;
    const y = centre.y + (dy / length) * distanceFromCentre;
    const g = this.#keep(this.add.graphics());
    const discs = Math.min(tokens, maxDiscs);
    // One outlined disc on top of a plain stack: fewer shapes to draw each frame.
    g.fillStyle(toColourNumber(ui.ink));
    if (discs > 0) g.fillRect(x - discRadius - 1, y - (discs - 1) * discStep, discRadius * 2 + 2, (discs - 1) * discStep + discRadius / 2 + 1);
    g.fillStyle(toColourNumber(tokenColour));
    if (discs > 1) g.fillRect(x - discRadius + 1, y - (discs - 1) * discStep, discRadius * 2 - 2, (discs - 1) * discStep);
    if (discs > 0) {
      const top = y - (discs - 1) * discStep;
      g.fillEllipse(x, top, discRadius * 2, discRadius).lineStyle(2, toColourNumber(ui.ink)).strokeEllipse(x, top, discRadius * 2, discRadius);
    }
    const label = this.#text(x - (dy / length) * labelStep, y + (dx / length) * labelStep - discStep * Math.min(discs, maxDiscs) / 2, String(tokens), fontSizePx, ui.paper);
    label.setStroke(ui.ink, strokePx);
  }

  #drawDelegates(count: number, at: Point): void {
    if (count <= 0) return;
    const { dotRadius, spacing, offsetY } = tableLayout.delegates;
    const g = this.#keep(this.add.graphics());
    g.fillStyle(toColourNumber(ui.ink));
    for (let i = 0; i < count; i++) g.fillCircle(at.x + (i - (count - 1) / 2) * spacing, at.y + offsetY, dotRadius);
  }

  #drawTabled(model: TableModel): void {
    const { cardWidth, cardHeight, fontSizePx, countFontSizePx } = tableLayout.tabled;
    if (model.tabled.length === 0) {
      const centre = tableCentre();
      this.#text(centre.x, centre.y, t("table.nothingTabled"), tableLayout.emptyTable.fontSizePx, ui.paper, false);
      return;
    }
    const positions = tabledPositions(model.tabled.length);
    model.tabled.forEach((card, i) => {
      const at = positions[i] as Point;
      this.#keep(
        this.add
          .graphics()
          .fillStyle(toColourNumber(ui.paper))
          .fillRoundedRect(at.x - cardWidth / 2, at.y - cardHeight / 2, cardWidth, cardHeight, 10)
          .lineStyle(3, toColourNumber(ui.ink))
          .strokeRoundedRect(at.x - cardWidth / 2, at.y - cardHeight / 2, cardWidth, cardHeight, 10),
      );
      this.#text(at.x, at.y - 14, card.option, fontSizePx);
      this.#text(at.x, at.y + 28, `✓${card.support}  ✗${card.object}`, countFontSizePx, ui.inkMuted);
    });
  }

  #reportFirstFrame(): void {
    reportToE2e({ ready: true, scene: tableSceneKey, renderer: rendererNames[this.game.renderer.type] ?? "Canvas" });
  }
}
