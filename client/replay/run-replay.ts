// Starts the replay screen with the credential from the address. The teacher's browser fetches
// the recording and opens it as untrusted data (a clear reason instead of a wrong replay); a
// replay link's browser never gets the recording, only the views the server computes for it
// (with the seat secret this browser kept from the match, its own role's view too). Keeps the
// address in step with the moment and the view, so a teacher can share a link to a moment.
// Loaded on demand by main.ts: the join form never carries the replay's code.
import "./replay.css";
import { openRecord } from "../../shared/replay/timeline.js";
import type { ScreenElements, RunningScreen } from "../app/match-screens.js";
import { reportToE2e } from "../e2e-hooks.js";
import { tableModelOf } from "../scenes/table-model.js";
import { onLanguageChange } from "../text/catalog.js";
import { rt } from "../text/replay-en.js";
import { patch, h } from "../ui/dom.js";
import { TableStage } from "../ui/table-stage.js";
import { remembered } from "../net/storage.js";
import { ApiError, createReplayLink, fetchMoment, fetchRecord, fetchReplayStart, replayCredential, type ReplayStart } from "./api.js";
import { bindKeys } from "./keyboard.js";
import { ReplayController, viewChoiceOf, viewChoiceText } from "./replay-controller.js";
import { renderReplay } from "./replay-view.js";
import { LocalSource, RemoteSource, type ReplaySource } from "./sources.js";

function fail(elements: ScreenElements, text: string): RunningScreen {
  patch(elements.main, [h("p", { class: "error", role: "alert", "data-testid": "replay-error" }, text)]);
  reportToE2e({ screen: "replay", ready: true, status: "failed" });
  return { dispose() {} };
}

/** The address of a moment: /replay/CODE?at=…&view=… plus the page's other parameters. */
function addressOf(ctrl: ReplayController, location: Location): string {
  const params = new URLSearchParams(location.search);
  params.set("at", String(ctrl.moment));
  params.set("view", viewChoiceText(ctrl.choice));
  return `/replay/${ctrl.code}?${params.toString()}`;
}

export async function runReplay(elements: ScreenElements, code: string, fromLink: string | null): Promise<RunningScreen> {
  elements.section.dataset.screen = "replay";
  patch(elements.top, []);
  patch(elements.main, [h("p", { class: "status" }, rt("replay.loading", { code }))]);
  // A link's #token= (main.ts took it out of the address) is kept as the dashboard keeps it, so a reload opens the replay again.
  if (fromLink) remembered.setTeacherToken(code, fromLink);
  const credential = replayCredential(code, window.location.hash);
  if (!credential) return fail(elements, rt("replay.noAccess"));
  const seatSecret = remembered.seatSecret(code);
  const search = new URLSearchParams(window.location.search);
  const at = search.get("at");
  let ctrl: ReplayController;
  try {
    const start: ReplayStart = await fetchReplayStart(credential, code, seatSecret);
    let source: ReplaySource;
    if (start.access === "teacher") {
      const record = await fetchRecord(credential, code);
      const opened = openRecord(record);
      if (!opened.ok) return fail(elements, rt("replay.failed", { reason: opened.reason }));
      source = new LocalSource(opened.replay, record.events, record.finalHash, start.imported ?? null);
    } else {
      source = new RemoteSource(start, (moment, view, text) => fetchMoment(credential, code, seatSecret, moment, view, text));
    }
    ctrl = new ReplayController({ code, source, access: start.access, at: at === null ? null : Number(at), view: viewChoiceOf(search.get("view")) });
    await ctrl.ready();
  } catch (error) {
    return fail(elements, rt("replay.failed", { reason: error instanceof ApiError && error.status === 404 ? rt("replay.noAccess") : error instanceof Error ? error.message : String(error) }));
  }
  const stage = new TableStage(elements.stage);

  const share = async () => {
    try {
      // A replay link, never the teacher's own token, goes into a shared address.
      const link = await createReplayLink(credential, code);
      const moment = new URLSearchParams({ at: String(ctrl.moment), view: viewChoiceText(ctrl.choice) });
      ctrl.setShareLink(`${window.location.origin}/replay/${code}?${moment.toString()}#replay=${link.token}`);
    } catch (error) {
      ctrl.setShareLink(null);
      window.alert(rt("replay.shareFailed", { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  // The table animates a step forward through the match (playback, →), as it did live; a jump,
  // a step back or another point of view just shows the table as it is at the new moment.
  let shown = { moment: -1, choice: "" };
  const draw = () => {
    const view = ctrl.view;
    patch(elements.main, renderReplay(ctrl, { share: () => void share() }));
    // dom.ts sets an input's value only when it creates it: keep the scrubber on the moment.
    const scrubber = elements.main.querySelector<HTMLInputElement>(".replay__scrubber");
    if (scrubber && scrubber.value !== String(ctrl.moment)) scrubber.value = String(ctrl.moment);
    const showTable = !ctrl.textMode && view.status === "running";
    const model = showTable ? tableModelOf(view, ctrl.tableIndex()) : null;
    // The role watched through is "mine" on the table, as it was on that student's screen.
    const role = ctrl.choice.kind === "role" ? ctrl.choice.role : null;
    const now = { moment: ctrl.moment, choice: viewChoiceText(ctrl.choice) };
    const animate = now.moment === shown.moment + 1 && now.choice === shown.choice;
    shown = now;
    stage.update(model && { ...model, seats: model.seats.map((s) => ({ ...s, mine: s.role === role })) }, { animate });
    const address = addressOf(ctrl, window.location);
    if (address !== window.location.pathname + window.location.search) window.history.replaceState(null, "", address + window.location.hash);
    elements.section.dataset.phase = view.phase;
    reportToE2e({ screen: "replay", ready: true, phase: view.phase, status: view.status });
  };
  const unsubscribe = ctrl.subscribe(draw);
  const stopLanguage = onLanguageChange(draw);
  const unbindKeys = bindKeys(ctrl);
  draw();
  document.getElementById("replay-heading")?.focus();
  return {
    dispose() {
      unbindKeys();
      unsubscribe();
      stopLanguage();
      ctrl.dispose();
      stage.dispose();
      delete elements.section.dataset.phase;
    },
  };
}
