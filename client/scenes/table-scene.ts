// The negotiating table: a round table with its seats, drawn once from the named layout.
// A placeholder until the room binding feeds it roles, delegates and speakers.
import * as Phaser from "phaser";
import { reportToE2e } from "../e2e-hooks.js";
import { t } from "../text/catalog.js";
import { toColourNumber, ui } from "../ui/palette.js";
import { seatPositions, tableCentre, tableLayout } from "./table-layout.js";

export const tableSceneKey = "Table";

const rendererNames: Readonly<Record<number, "WebGL" | "Canvas" | "Headless">> = {
  [Phaser.WEBGL]: "WebGL",
  [Phaser.CANVAS]: "Canvas",
  [Phaser.HEADLESS]: "Headless",
};

export class TableScene extends Phaser.Scene {
  constructor() {
    super(tableSceneKey);
  }

  create(): void {
    this.cameras.main.setBackgroundColor(ui.stage);
    this.drawTable();
    this.drawSeats();
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.reportFirstFrame());
  }

  private drawTable(): void {
    const centre = tableCentre();
    const { radius, edgeWidth } = tableLayout.table;
    this.add
      .graphics()
      .fillStyle(toColourNumber(ui.table))
      .fillCircle(centre.x, centre.y, radius)
      .lineStyle(edgeWidth, toColourNumber(ui.tableEdge))
      .strokeCircle(centre.x, centre.y, radius);
  }

  private drawSeats(): void {
    const { radius, edgeWidth } = tableLayout.seats;
    const { fontSizePx, fontFamily, fontStyle } = tableLayout.seatLabel;
    const seats = this.add.graphics();
    seatPositions().forEach((seat, index) => {
      seats
        .fillStyle(toColourNumber(ui.seat))
        .fillCircle(seat.x, seat.y, radius)
        .lineStyle(edgeWidth, toColourNumber(ui.seatEdge))
        .strokeCircle(seat.x, seat.y, radius);
      this.add
        .text(seat.x, seat.y, t("table.seatNumber", { number: index + 1 }), {
          fontFamily,
          fontSize: `${fontSizePx}px`,
          fontStyle,
          color: ui.seatLabel,
          resolution: window.devicePixelRatio,
        })
        .setOrigin(0.5);
    });
  }

  private reportFirstFrame(): void {
    reportToE2e({
      ready: true,
      scene: tableSceneKey,
      renderer: rendererNames[this.game.renderer.type] ?? "Canvas",
      seats: tableLayout.seats.count,
    });
  }
}
