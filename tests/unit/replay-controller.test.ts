// The replay screen's controller over a golden record: every verb ends in jump(), moments are
// clamped to the record, j/k walk the key moments, playback steps on a clock, "everything" is
// for the teacher only, and the address's view text round-trips. A replay link's controller
// works the same over views it is sent (RemoteSource) and asks only for views its link allows.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReplayController, viewChoiceOf, viewChoiceText, type Access } from "../../client/replay/replay-controller.js";
import { LocalSource, RemoteSource } from "../../client/replay/sources.js";
import { debrief } from "../../shared/analysis/debrief.js";
import { viewerOf, type ReplayMoment, type ReplayOutline } from "../../shared/replay/remote.js";
import { eventSeenBy } from "../../shared/replay/seen.js";
import { markers, openRecord, type MatchRecord } from "../../shared/index.js";
import { Replay } from "../../shared/replay/timeline.js";
import { setLanguage } from "../../client/text/catalog.js";
import { loadScenario } from "../../server/scenarios/index.js";

const record = JSON.parse(readFileSync(new URL("../fixtures/golden/scripted-match.json", import.meta.url), "utf8")) as MatchRecord;

function opened() {
  const o = openRecord(record);
  if (!o.ok) throw new Error(o.reason);
  return o.replay;
}

/** A link's outline and a server stand-in that answers only the views the link allows. */
function remote(views: string[]) {
  const replay = opened();
  const outline: ReplayOutline = {
    access: "link",
    code: "ABCDE",
    nicknames: false,
    length: replay.length,
    startedAt: record.events[0]!.at,
    markers: markers(replay.events),
    debrief: debrief(replay.events),
    roles: [{ table: 0, role: "CS-S", short: "CS-S", name: "Global-South civil society" }],
    views,
    seat: views.includes("role:0:CS-S") ? { table: 0, role: "CS-S" } : null,
  };
  const asked: string[] = [];
  const fetchMoment = async (moment: number, view: string): Promise<ReplayMoment> => {
    asked.push(`${moment}|${view}`);
    if (!views.includes(view)) throw new Error(`the server refuses ${view}`);
    const viewer = viewerOf(viewChoiceOf(view)!);
    return { moment, at: record.events[moment - 1]!.at, view: replay.viewAt(moment, viewer), now: eventSeenBy(replay.events[moment - 1]!, viewer) };
  };
  return { source: new RemoteSource(outline, fetchMoment), asked };
}

function controller(access: Access = "teacher", at: number | null = null, view = viewChoiceOf(null)) {
  const source = access === "teacher" ? new LocalSource(opened(), record.events, record.finalHash, null) : remote(["projector", "role:0:CS-S"]).source;
  return new ReplayController({ code: "ABCDE", source, access, at, view });
}

afterEach(() => vi.useRealTimers());

describe("the replay in the viewer's language", () => {
  afterEach(() => setLanguage("en"));

  it("shows the scenario's words from its overlay, role names in the viewer picker too", async () => {
    // The golden record predates the overlays: the same match, played with the shipped scenario's translations.
    const events = structuredClone(record.events);
    const created = events[0]!.event as { scenario: { id: string; translations?: unknown } };
    const shipped = loadScenario(created.scenario.id);
    created.scenario.translations = shipped.translations;
    const source = new LocalSource(new Replay(events.map((e) => e.event)), events, record.finalHash, null);
    const ctrl = new ReplayController({ code: "ABCDE", source, access: "teacher", at: null, view: viewChoiceOf("role:0:CS-S") });
    await ctrl.ready();
    const english = ctrl.view;
    await setLanguage("fr");
    const french = ctrl.view;
    const fr = shipped.translations!.fr!;
    expect(french.scenario.title).toBe(fr.title);
    expect(french.scenario.title).not.toBe(english.scenario.title);
    expect(french.scenario.dossiers.map((d) => d.title)).toEqual(shipped.dossiers.map((d) => fr.dossiers![d.id]!.title));
    expect(french.scenario.whatHappened).toEqual(fr.whatHappened);
    expect(french.briefing?.notes).toEqual(fr.roles!["CS-S"]!.notes);
    expect(ctrl.roleChoices().find((c) => c.role === "CS-S")?.name).toBe(fr.roles!["CS-S"]!.name);
    await setLanguage("en");
    expect(ctrl.view.scenario.title).toBe(english.scenario.title);
  });
});

describe("the replay controller", () => {
  it("opens at the end by default, or at the moment in the address, clamped to the record", () => {
    expect(controller().moment).toBe(record.events.length);
    expect(controller("teacher", 5).moment).toBe(5);
    expect(controller("teacher", 10 ** 6).moment).toBe(record.events.length);
    expect(controller("teacher", -3).moment).toBe(1);
  });

  it("steps, goes to the start and the end, and walks the key moments with j and k", () => {
    const c = controller("teacher", 1);
    c.step(1);
    c.step(1);
    expect(c.moment).toBe(3);
    c.step(-1);
    expect(c.moment).toBe(2);
    const ats = c.markers.map((m) => m.at);
    c.nextMarker();
    expect(c.moment).toBe(ats.find((at) => at > 2));
    c.nextMarker();
    c.previousMarker();
    expect(c.moment).toBe(ats.find((at) => at > 2));
    c.last();
    expect(c.moment).toBe(record.events.length);
    c.first();
    expect(c.moment).toBe(1);
  });

  it("plays one event per step, faster at a higher speed, and stops at the end", () => {
    vi.useFakeTimers();
    const c = controller("teacher", record.events.length - 3);
    c.setSpeed(2);
    c.togglePlay();
    expect(c.playing).toBe(true);
    vi.advanceTimersByTime(300);
    expect(c.moment).toBe(record.events.length - 2);
    vi.advanceTimersByTime(3000);
    expect(c.moment).toBe(record.events.length);
    expect(c.playing).toBe(false);
    c.togglePlay(); // from the end, play starts again at the beginning
    expect(c.moment).toBe(1);
    c.step(1); // any step pauses
    expect(c.playing).toBe(false);
  });

  it("shows everything to the teacher only; a replay link sees the projector, and its own seat's role", async () => {
    expect(controller("link", null, { kind: "everything" }).choice).toEqual({ kind: "projector" });
    const teacher = controller("teacher", null, { kind: "everything" });
    expect(teacher.choice).toEqual({ kind: "everything" });
    expect(teacher.view.viewer).toBe("teacher");
    const link = controller("link");
    await link.ready();
    link.setView({ kind: "everything" });
    expect(link.choice).toEqual({ kind: "projector" });
    link.setView({ kind: "role", table: 0, role: "CS-S" });
    await link.ready();
    expect(link.view.briefing?.role).toBe("CS-S");
    link.setView({ kind: "role", table: 7, role: "CS-S" }); // no such table: ignored
    link.setView({ kind: "role", table: 0, role: "TECH" }); // not this link's seat: ignored
    expect(link.choice).toEqual({ kind: "role", table: 0, role: "CS-S" });
  });

  it("a replay link asks the server only for views it may see, and shows each once it is here", async () => {
    const { source, asked } = remote(["projector"]);
    const c = new ReplayController({ code: "ABCDE", source, access: "link", at: 3, view: { kind: "role", table: 0, role: "TECH" } });
    expect(c.choice).toEqual({ kind: "projector" });
    await c.ready();
    expect(c.view.viewer).toBe("projector");
    const drawn = new Promise<void>((resolve) => c.subscribe(() => c.loading || resolve()));
    c.jump(10);
    expect(c.view.viewer).toBe("projector"); // the last view stays while the next one loads
    expect(c.loading).toBe(true);
    await drawn;
    expect(c.view).toEqual(opened().viewAt(10, { kind: "projector" }));
    expect(c.eventAt()).toEqual(eventSeenBy(opened().events[9]!, { kind: "projector" }));
    expect(asked.every((a) => a.endsWith("|projector"))).toBe(true);
  });

  it("shows at every moment exactly the view a fresh fold gives, whichever way it got there", () => {
    const c = controller("teacher", 1, { kind: "role", table: 0, role: "TECH" });
    const replay = opened();
    const fresh = (m: number) => JSON.stringify(replay.viewAt(m, { kind: "role", table: 0, role: "TECH" }));
    const early = c.view;
    const moments = [2, 3, 10, 9, 40, 41, 42, 5, record.events.length, 1, 77, 78];
    for (const m of moments) {
      c.jump(m);
      expect(JSON.stringify(c.view), `moment ${m}`).toBe(fresh(m));
    }
    // Views handed out earlier are not changed by moving on.
    expect(JSON.stringify(early)).toBe(fresh(1));
  });

  it("reads and writes the view in the address", () => {
    for (const text of ["projector", "everything", "role:0:CS-S", "role:2:NGO-N"]) expect(viewChoiceText(viewChoiceOf(text)!)).toBe(text);
    expect(viewChoiceOf("role:x:TECH")).toBeNull();
    expect(viewChoiceOf("<script>")).toBeNull();
  });
});
