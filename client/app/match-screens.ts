// Starts a match screen — student, host or projector — once the landing page has decided
// which: opens the connection, builds the screen's controller, and re-renders its view on
// every change. Loaded on demand, so the join form never waits for the SDK.
import type { MatchView } from "../../shared/rules/view.js";
import { HostController } from "../ctrl/host-controller.js";
import { MatchSession } from "../ctrl/session.js";
import { disposeDebrief } from "../debrief/debrief-controller.js";
import { StudentController } from "../ctrl/student-controller.js";
import { reportToE2e } from "../e2e-hooks.js";
import type { JoinAs } from "../net/connection.js";
import { openConnection } from "../net/colyseus-connection.js";
import { tableModelOf } from "../scenes/table-model.js";
import { patch } from "../ui/dom.js";
import { renderHost } from "../ui/host-view.js";
import { projectorShowsTable, renderProjectorMain, renderProjectorTop } from "../ui/projector-view.js";
import { renderStudentMain, renderStudentTop, showsTable } from "../ui/student-view.js";
import { TableStage } from "../ui/table-stage.js";

export interface ScreenElements {
  readonly section: HTMLElement;
  readonly top: HTMLElement;
  readonly stage: HTMLElement;
  readonly main: HTMLElement;
}

export interface RunningScreen {
  dispose(): void;
}

async function connect(code: string, joinAs: JoinAs): Promise<MatchSession> {
  return new MatchSession(await openConnection(code, joinAs));
}

function mount(elements: ScreenElements, session: MatchSession, kind: string, render: () => void, table: (view: MatchView) => number | null): RunningScreen {
  const stage = new TableStage(elements.stage);
  elements.section.dataset.screen = kind;
  const draw = () => {
    render();
    const view = session.view;
    const index = view ? table(view) : null;
    stage.update(view && index !== null ? tableModelOf(view, index) : null);
    elements.section.dataset.phase = view?.phase ?? "";
    reportToE2e({ screen: kind, phase: view?.phase ?? "", status: session.status, role: view?.me?.role ?? null, player: view?.me?.player ?? null });
  };
  const unsubscribe = session.subscribe(draw);
  draw();
  return {
    dispose() {
      unsubscribe();
      disposeDebrief(session);
      stage.dispose();
      session.dispose();
      session.connection.dispose();
    },
  };
}

/** Starts fetching Phaser while the connection opens: the table is drawn sooner. */
function prefetchTable(): void {
  void import("../scenes/start-game.js").catch(() => undefined);
}

export async function runStudent(elements: ScreenElements, code: string, nickname: string): Promise<RunningScreen> {
  prefetchTable();
  const session = await connect(code, { as: "player", nickname });
  const ctrl = new StudentController(session);
  return mount(
    elements,
    session,
    "student",
    () => {
      patch(elements.top, renderStudentTop(ctrl));
      patch(elements.main, renderStudentMain(ctrl));
    },
    (view) => (showsTable(view) ? (view.me?.table ?? null) : null),
  );
}

export async function runHost(elements: ScreenElements, code: string, teacherToken: string): Promise<RunningScreen> {
  const session = await connect(code, { as: "teacher", teacherToken });
  const ctrl = new HostController(session);
  let qr: string | null = null;
  const screen = mount(
    elements,
    session,
    "host",
    () => {
      patch(elements.top, []);
      patch(elements.main, renderHost(ctrl, qr));
    },
    () => null,
  );
  void qrCode(ctrl.joinLink()).then((url) => {
    qr = url;
    patch(elements.main, renderHost(ctrl, qr));
  });
  return screen;
}

export async function runProjector(elements: ScreenElements, code: string, joinLink: string): Promise<RunningScreen> {
  prefetchTable();
  const session = await connect(code, { as: "projector" });
  let qr: string | null = null;
  const render = () => {
    patch(elements.top, renderProjectorTop(session));
    patch(elements.main, renderProjectorMain(session, qr, joinLink));
  };
  const screen = mount(elements, session, "projector", render, (view) => (projectorShowsTable(view) ? (view.tables[0]?.index ?? null) : null));
  void qrCode(joinLink).then((url) => {
    qr = url;
    render();
  });
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
