// Starts a match screen — student, host or projector — once the landing page has decided
// which: opens the connection, builds the screen's controller, and re-renders its view on
// every change. Loaded on demand, so the join form never waits for the SDK. The page parts:
// `top` (sticky bar), `main` (the phase's actions), `stage` (the table canvas) and `more`
// (everything after the table); CSS puts them side by side on wide screens.
import type { MatchView } from "../../shared/rules/view.js";
import { HostController } from "../ctrl/host-controller.js";
import { joinLink, onOriginChosen } from "../ctrl/join-address.js";
import { ProjectorController } from "../ctrl/projector-controller.js";
import { MatchSession } from "../ctrl/session.js";
import { disposeDebrief } from "../debrief/debrief-controller.js";
import { StudentController } from "../ctrl/student-controller.js";
import { reportToE2e } from "../e2e-hooks.js";
import type { JoinAs } from "../net/connection.js";
import { openConnection } from "../net/colyseus-connection.js";
import { onLanguageChange } from "../text/catalog.js";
import { tableModelOf } from "../scenes/table-model.js";
import { patch } from "../ui/dom.js";
import { setScenarioGlossary } from "../ui/glossary.js";
import { renderHost, renderHostTop } from "../ui/host-view.js";
import { fitProjector, resetProjectorFit } from "../ui/projector-fit.js";
import { projectorShowsTable, renderProjectorMain, renderProjectorTop } from "../ui/projector-view.js";
import { renderStudentMain, renderStudentMore, renderStudentTop, showsTable } from "../ui/student-view.js";
import { TableStage } from "../ui/table-stage.js";

export interface ScreenElements {
  readonly section: HTMLElement;
  readonly top: HTMLElement;
  readonly stage: HTMLElement;
  readonly main: HTMLElement;
  /** After the table: feeds, private talk, the role card. */
  readonly more: HTMLElement;
}

export interface RunningScreen {
  dispose(): void;
}

async function connect(code: string, joinAs: JoinAs): Promise<MatchSession> {
  return new MatchSession(await openConnection(code, joinAs));
}

function mount(elements: ScreenElements, session: MatchSession, kind: string, render: () => void, table: (view: MatchView) => number | null, cleanup: () => void = () => undefined, afterDraw: () => void = () => undefined): RunningScreen & { draw(): void } {
  const stage = new TableStage(elements.stage);
  elements.section.dataset.screen = kind;
  // The stretch of the match on show; when it moves on (a phase, a round, the end), the page
  // starts again at its top. A phone scrolled down to declare would otherwise land halfway into
  // the outcome, with "Adopted…" above the screen. Any other update keeps the scroll: a student
  // typing or reading is never yanked.
  let shown: string | null = null;
  const draw = () => {
    // The glossary knows the scenario's terms before the screen draws them as buttons.
    const view = session.view;
    if (view) setScenarioGlossary(view.scenario.id, view.scenario.lesson?.glossary ?? []);
    render();
    const index = view ? table(view) : null;
    stage.update(view && index !== null ? tableModelOf(view, index) : null);
    const stretch = view ? `${view.status}:${view.round}:${view.phase}` : null;
    // Instant, not smooth: the new phase's heading must be there at once. The top of the page
    // is the sticky bar and the notices under it, which belong in view on a new phase too.
    if (stretch !== null && shown !== null && stretch !== shown) window.scrollTo({ top: 0, left: 0, behavior: "instant" });
    if (stretch !== null) shown = stretch;
    elements.section.dataset.phase = view?.phase ?? "";
    elements.section.dataset.status = view?.status ?? "";
    elements.section.dataset.tables = String(view?.tables.length ?? 1);
    reportToE2e({ screen: kind, phase: view?.phase ?? "", status: session.status, role: view?.me?.role ?? null, player: view?.me?.player ?? null });
    afterDraw();
  };
  const unsubscribe = session.subscribe(draw);
  const stopLanguage = onLanguageChange(draw);
  draw();
  return {
    draw,
    dispose() {
      unsubscribe();
      stopLanguage();
      cleanup();
      patch(elements.more, []);
      disposeDebrief(session);
      stage.dispose();
      session.dispose();
      session.connection.dispose();
      delete elements.section.dataset.status;
      delete elements.section.dataset.tables;
    },
  };
}

/** Starts fetching Phaser while the connection opens: the table is drawn sooner. */
function prefetchTable(): void {
  void import("../scenes/start-game.js").catch((error: unknown) => console.warn("The table will load when it is needed:", error));
}

/** Brings an element into view below the sticky bar, opens it if folded, and focuses it. */
function reveal(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const folded = element.closest("details");
  if (folded && !folded.open) folded.open = true;
  element.scrollIntoView({ block: "start", behavior: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  element.focus({ preventScroll: true });
}

export async function runStudent(elements: ScreenElements, code: string, nickname: string): Promise<RunningScreen> {
  prefetchTable();
  const session = await connect(code, { as: "player", nickname });
  const ctrl = new StudentController(session, reveal);
  // The corridor thread counts as read once half of it has been on screen.
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) ctrl.corridorSeen();
  }, { threshold: 0.5 });
  let watched: Element | null = null;
  const screen = mount(
    elements,
    session,
    "student",
    () => {
      patch(elements.top, renderStudentTop(ctrl));
      patch(elements.main, renderStudentMain(ctrl));
      patch(elements.more, renderStudentMore(ctrl));
      const thread = elements.more.querySelector('[data-observe="corridor"]');
      if (thread !== watched) {
        if (watched) seen.unobserve(watched);
        if (thread) seen.observe(thread);
        watched = thread;
      }
    },
    (view) => (showsTable(view) ? (view.me?.table ?? null) : null),
    () => seen.disconnect(),
  );
  ctrl.subscribe(screen.draw);
  return screen;
}

export async function runHost(elements: ScreenElements, code: string, teacherToken: string): Promise<RunningScreen> {
  const session = await connect(code, { as: "teacher", teacherToken });
  const ctrl = new HostController(session);
  let qr: { link: string; image: string | null } | null = null;
  const render = () => {
    const link = ctrl.joinLink();
    if (link && qr?.link !== link) {
      qr = { link, image: null };
      void qrCode(link).then((image) => {
        if (qr?.link === link) qr = { link, image };
        render();
      });
    }
    patch(elements.top, renderHostTop(ctrl));
    patch(elements.main, renderHost(ctrl, qr?.link === link ? qr.image : null));
  };
  // A mirrored laptop: whatever was revealed hides the moment the teacher looks elsewhere.
  const hide = () => ctrl.hideAll();
  const hideWhenHidden = () => {
    if (document.visibilityState === "hidden") ctrl.hideAll();
  };
  window.addEventListener("blur", hide);
  document.addEventListener("visibilitychange", hideWhenHidden);
  const screen = mount(elements, session, "host", render, () => null, () => {
    window.removeEventListener("blur", hide);
    document.removeEventListener("visibilitychange", hideWhenHidden);
    ctrl.dispose();
  });
  ctrl.subscribe(screen.draw);
  void ctrl.loadJoinAddress();
  return screen;
}

export async function runProjector(elements: ScreenElements, code: string): Promise<RunningScreen> {
  prefetchTable();
  const session = await connect(code, { as: "projector" });
  const ctrl = new ProjectorController(session);
  let qr: { link: string; image: string | null } | null = null;
  const render = () => {
    const origin = ctrl.joinOrigin();
    const link = origin ? joinLink(origin, code) : null;
    if (link && qr?.link !== link) {
      qr = { link, image: null };
      void qrCode(link).then((image) => {
        if (qr?.link === link) qr = { link, image };
        render();
      });
    }
    patch(elements.top, renderProjectorTop(session));
    patch(elements.main, renderProjectorMain(ctrl, link && qr?.link === link ? qr.image : null));
  };
  const stopListening = onOriginChosen(() => ctrl.originChanged());
  const refit = () => fitProjector(elements.section);
  window.addEventListener("resize", refit);
  // After the whole screen is drawn (the table shown or hidden changes the text's width), and
  // again once the fonts have loaded (they change every line's length).
  const screen = mount(
    elements,
    session,
    "projector",
    render,
    (view) => (projectorShowsTable(view) ? (view.tables[0]?.index ?? null) : null),
    () => {
      stopListening();
      window.removeEventListener("resize", refit);
      resetProjectorFit();
    },
    refit,
  );
  void document.fonts.ready.then(refit);
  ctrl.subscribe(screen.draw);
  void ctrl.loadJoinAddress();
  return screen;
}

async function qrCode(text: string): Promise<string | null> {
  try {
    const QRCode = await import("qrcode");
    return await QRCode.toDataURL(text, { margin: 1, width: 320, errorCorrectionLevel: "M" });
  } catch (error) {
    console.error(error);
    return null;
  }
}
