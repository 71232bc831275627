// Builds the Phaser game for the table and directs it: the map in the briefing and travel
// phases, the room from the negotiation on, the trips played on the map as travel closes
// before the room opens. Only ever reached through a dynamic import, so the landing page and
// the join form never wait for Phaser's large chunk.
//
// Two promises to the classroom hold here:
// - Sharp at any pixel density: the canvas has one pixel per device pixel (a phone at device
//   pixel ratio 3 gets a canvas three times its CSS size), the art is rasterised at that
//   density, and the camera fits the square world to whatever box the page gives the table.
// - Nothing is drawn while nothing changes: after a change (or a resize) the loop draws a few
//   frames, keeps drawing while an animation moves, then sleeps. `?fps=60` keeps it drawing
//   continuously (benchmarks).
import * as Phaser from "phaser";
import { reportToE2e, e2eEnabled } from "../e2e-hooks.js";
import { ui } from "../ui/palette.js";
import { addArt, rasteriseArt, sheetTextureLimit, textureScaleFor } from "./art.js";
import { MapScene, mapSceneKey } from "./map-scene.js";
import { prefersReducedMotion } from "./motion.js";
import type { StageScene, StageSceneData } from "./stage-scene.js";
import { RoomScene, roomSceneKey } from "./table-scene.js";
import { tableLayout } from "./table-layout.js";
import type { Moment } from "./table-moments.js";
import type { TableModel, TableScreen } from "./table-model.js";

/** Frames drawn after a change before the loop may sleep again. */
const framesAfterChange = 3;
/** The canvas never holds more than this many device pixels per CSS pixel (memory on phones). */
const maxPixelRatio = 3;
const fadeMs = 350;

/** `?canvas` forces the Canvas renderer, for machines whose WebGL misbehaves. */
function rendererType(): number {
  return new URLSearchParams(window.location.search).has("canvas") ? Phaser.CANVAS : Phaser.AUTO;
}

/** `?fps=N`: draw continuously at up to N frames a second (benchmarks); 0 = only on change. */
function continuousRate(): number {
  const asked = Number(new URLSearchParams(window.location.search).get("fps"));
  return Number.isFinite(asked) && asked > 0 ? asked : 0;
}

/** `?slowmo=N` (end-to-end tests only): animations N times slower, for frame-by-frame pictures. */
function slowMotion(): number {
  if (!e2eEnabled()) return 1;
  const asked = Number(new URLSearchParams(window.location.search).get("slowmo"));
  return Number.isFinite(asked) && asked >= 1 ? asked : 1;
}

const rendererNames: Readonly<Record<number, "WebGL" | "Canvas" | "Headless">> = {
  [Phaser.WEBGL]: "WebGL",
  [Phaser.CANVAS]: "Canvas",
  [Phaser.HEADLESS]: "Headless",
};

export interface TableGame {
  /** Draws `model`, playing `moments` (what changed since the last model) on the way. */
  show(model: TableModel, moments: readonly Moment[]): void;
  destroy(): void;
}

const sceneKeys: Record<TableScreen, string> = { map: mapSceneKey, room: roomSceneKey };

export function startGame(parent: HTMLElement): TableGame {
  // Marks for the client benchmark's breakdown of the time to a drawn table.
  performance.mark("table:phaser-ready");
  const ratio = () => Math.min(maxPixelRatio, Math.max(1, window.devicePixelRatio || 1));
  const cssSize = () => ({ width: Math.max(1, parent.clientWidth), height: Math.max(1, parent.clientHeight) });
  let pixelRatio = ratio();
  const first = cssSize();
  const continuous = continuousRate();
  const game = new Phaser.Game({
    type: rendererType(),
    parent,
    banner: false,
    width: Math.round(first.width * pixelRatio),
    height: Math.round(first.height * pixelRatio),
    // One canvas pixel per device pixel; the canvas's CSS size is its box (zoom = 1 / ratio).
    scale: { mode: Phaser.Scale.NONE, zoom: 1 / pixelRatio },
    backgroundColor: ui.stage,
    // No multisampling: the table is textured quads whose edges the art already smooths, and
    // multisampling multiplies the work of the software renderers school laptops often have.
    render: { antialiasGL: false },
    // The table is looked at, not touched: no input plugins, so a finger on the canvas still
    // scrolls the page and keys always reach the forms around it.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    // Animations keep to the clock on a slow machine (frames are dropped rather than the
    // movement slowed): frame gaps up to half a second count in full, and smoothing looks back
    // only a few frames. A longer gap (the loop slept) counts as one ordinary frame.
    fps: { min: 2, deltaHistory: 3, ...(continuous > 0 ? { limit: continuous } : {}) },
  });
  (window as unknown as { __game?: Phaser.Game }).__game = game;

  const zoom = () => Math.min(game.scale.width, game.scale.height) / tableLayout.world.width;
  const reducedMotion = prefersReducedMotion();
  const slowmo = slowMotion();
  let booted = false;
  let current: TableScreen | null = null;
  let transitioning = false;
  let latest: { model: TableModel; moments: Moment[] } | null = null;
  let lastShown: { model: TableModel; moments: readonly Moment[] } | null = null;
  let framesSinceChange = 0;
  /** Shows whose moments are still playing: a sequence between two tweens still counts as moving. */
  let playing = 0;
  let firstFrameReported = false;

  const scene = (screen: TableScreen) => game.scene.getScene(sceneKeys[screen]) as (Phaser.Scene & StageScene) | null;
  const active = () => (current ? scene(current) : null);

  const wake = () => {
    framesSinceChange = 0;
    // Before the game has booted its loop is not started: waking it then would run two.
    if (game.loop.started && !game.loop.running) game.loop.wake();
  };

  const report = () => {
    const s = active();
    const css = zoom() / pixelRatio;
    reportToE2e({
      tableScreen: current ?? undefined,
      animating: transitioning || playing > 0 || (s?.busy ?? false),
      smallestTextPx: s && Number.isFinite(s.smallestText) ? Math.round(s.smallestText * css * 10) / 10 : undefined,
      canvas: { width: game.canvas.width, height: game.canvas.height, cssWidth: parent.clientWidth, cssHeight: parent.clientHeight, pixelRatio },
    });
  };

  const fit = (s: Phaser.Scene) => {
    const camera = s.cameras.main;
    camera.setSize(game.scale.width, game.scale.height);
    camera.setZoom(zoom());
    camera.centerOn(tableLayout.world.width / 2, tableLayout.world.height / 2);
  };

  const sceneData = (): StageSceneData => ({ reducedMotion, resolution: textureScaleFor(zoom()), wake });

  /** The zoom the room was built ahead at, while it sleeps (null: not built ahead). */
  let roomBuiltAt: number | null = null;

  const prepare = (s: Phaser.Scene & StageScene, screen: TableScreen) => {
    s.tweens.timeScale = 1 / slowmo;
    s.cameras.main.setBackgroundColor(screen === "room" ? tableLayout.floor.colour : ui.stage);
    fit(s);
  };

  /** Opens `screen`'s scene (closing the other) and fades it in; resolves once it is running. */
  const open = (screen: TableScreen): Phaser.Scene & StageScene => {
    const other: TableScreen = screen === "map" ? "room" : "map";
    const key = sceneKeys[screen];
    if (game.scene.isActive(sceneKeys[other])) game.scene.stop(sceneKeys[other]);
    if (game.scene.isSleeping(key) && screen === "room" && roomBuiltAt === zoom()) game.scene.wake(key);
    else if (!game.scene.isActive(key)) game.scene.start(key, sceneData());
    if (screen === "room") roomBuiltAt = null;
    current = screen;
    const s = scene(screen) as Phaser.Scene & StageScene;
    prepare(s, screen);
    return s;
  };

  /**
   * While the map sits still in the travel phase, the room is built ahead and put to sleep:
   * its objects made, its texts drawn and its art baked, so when travel closes the room opens
   * by updating what changed instead of building a whole table in the middle of the trips'
   * animation (a stall of a few hundred milliseconds on a slow phone).
   */
  const buildRoomAhead = () => {
    const shown = lastShown;
    if (!booted || current !== "map" || transitioning || !shown || shown.model.phase !== "travel") return;
    const key = sceneKeys.room;
    if (roomBuiltAt !== null || game.scene.isActive(key) || game.scene.isSleeping(key)) return;
    game.scene.start(key, sceneData());
    const room = scene("room");
    if (!room?.sys.isActive()) return;
    prepare(room, "room");
    void room.show(shown.model, []);
    game.scene.sleep(key);
    roomBuiltAt = zoom();
  };

  const track = (shown: Promise<void>) => {
    playing++;
    void shown
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        playing--;
        wake();
        report();
      });
  };

  const fadeIn = (s: Phaser.Scene & StageScene) => {
    s.cameras.main.setAlpha(0);
    void s.motion.to(s.cameras.main, { alpha: 1 }, { duration: fadeMs });
  };

  const play = (model: TableModel, moments: readonly Moment[]) => {
    wake();
    lastShown = { model, moments };
    const target = model.screen;
    const trips = moments.find((m) => m.kind === "travel-closed");
    if (current === "map" && target === "room" && trips) {
      // Travel closes: the trips play on the map, then the room opens with everyone in place.
      transitioning = true;
      // What arrives while the trips play is kept for the room.
      latest = { model, moments: moments.filter((m) => m.kind !== "travel-closed") };
      const map = scene("map") as unknown as MapScene;
      void map
        .show(model, [trips])
        .catch((error: unknown) => console.error(error))
        .then(() => {
          transitioning = false;
          const next = latest ?? { model, moments: [] };
          latest = null;
          const room = open("room");
          track(room.show(next.model, next.moments.filter((m) => m.kind !== "travel-closed")));
          fadeIn(room);
          report();
        });
      report();
      return;
    }
    const opening = current !== target;
    const first = current === null;
    const s = opening ? open(target) : (active() as Phaser.Scene & StageScene);
    track(s.show(model, moments));
    if (opening && !first) fadeIn(s);
    report();
  };

  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (booted && current && !firstFrameReported && active()?.sys.isActive()) {
      firstFrameReported = true;
      performance.mark("table:first-frame");
      reportToE2e({ ready: true, scene: sceneKeys[current], renderer: rendererNames[game.renderer.type] ?? "Canvas" });
    }
    framesSinceChange++;
    const moving = transitioning || playing > 0 || (active()?.busy ?? false);
    if (continuous === 0 && framesSinceChange >= framesAfterChange && !moving) {
      game.loop.sleep();
      report();
      // Outside Phaser's step, so the scene manager starts the room at once.
      if (current === "map" && roomBuiltAt === null) window.setTimeout(buildRoomAhead, 0);
    }
  });

  // A new box size (or a new pixel density) resizes the canvas; the camera refits the world.
  const resize = () => {
    const { width, height } = cssSize();
    const newRatio = ratio();
    const size = { width: Math.round(width * newRatio), height: Math.round(height * newRatio) };
    // The observer also reports the size the canvas already has (when it starts watching).
    if (newRatio === pixelRatio && size.width === game.scale.width && size.height === game.scale.height) return;
    if (newRatio !== pixelRatio) {
      pixelRatio = newRatio;
      game.scale.setZoom(1 / pixelRatio);
    }
    game.scale.resize(size.width, size.height);
    const s = active();
    if (s) {
      fit(s);
      s.refit(textureScaleFor(zoom()));
    }
    wake();
    report();
  };
  const resized = new ResizeObserver(resize);
  resized.observe(parent);

  // The art is drawn while Phaser boots; the table opens once both are ready.
  const art = rasteriseArt(textureScaleFor(Math.min(first.width, first.height) * pixelRatio / tableLayout.world.width), sheetTextureLimit);
  game.events.once(Phaser.Core.Events.READY, () => {
    game.scene.add(mapSceneKey, MapScene, false);
    game.scene.add(roomSceneKey, RoomScene, false);
    art.then(
      (sheet) => {
        if (!game.textures) return;
        addArt(game.textures, sheet);
        performance.mark("table:art-loaded");
        booted = true;
        if (latest) {
          const { model } = latest;
          latest = null;
          play(model, []);
        }
      },
      // Without its art the table cannot be drawn; the words beside it still say everything.
      (error: unknown) => console.error(error),
    );
  });

  if (e2eEnabled()) {
    // Benchmarks and frame-by-frame pictures: play the last change again.
    (window as unknown as { __tableReplay?: () => void }).__tableReplay = () => {
      if (!lastShown || transitioning) return;
      const s = active();
      if (!s) return;
      wake();
      track(s.show(lastShown.model, lastShown.moments));
      report();
    };
  }

  return {
    show(model, moments) {
      if (!booted || transitioning) {
        latest = { model, moments: [...(latest?.moments ?? []), ...moments] };
        return;
      }
      play(model, moments);
    },
    destroy() {
      resized.disconnect();
      if (game.loop.started && !game.loop.running) game.loop.wake();
      game.destroy(true);
    },
  };
}
