// What reaches a student's notification area, computed from real engine views: an offer shows
// until it is answered, a corridor message until it is read (and counts on the badge), news and
// the teacher's notices fade by themselves, and a reload does not replay old talk.
import { beforeAll, describe, expect, it } from "vitest";
import { setLanguage } from "../../client/text/catalog.js";
import { viewFor } from "../../shared/index.js";
import { NOTICE_LIFETIME_MS, Notifications } from "../../client/ctrl/notifications.js";
import { Match, player, seatOf } from "../helpers/engine.js";

beforeAll(() => setLanguage("en"));

function setup() {
  const match = new Match().seatEveryone().start();
  let now = 1_000;
  const clock = () => now;
  const ldc = new Notifications(clock);
  const look = () => ldc.update(viewFor(match.s, player(seatOf("LDC")) as { kind: "player"; id: string }));
  look();
  return { match, ldc, look, advance: (ms: number) => (now += ms) };
}

describe("a student's notifications", () => {
  it("during the briefing / a fellowship offer shows until it is answered", () => {
    const { match, ldc, look } = setup();
    match.as("TECH", { type: "OfferFellowship", to: "LDC", note: "Come along" });
    look();
    expect(ldc.visible().map((n) => n.kind)).toEqual(["offer"]);
    expect(ldc.visible()[0]?.text).toContain("Big Tech platforms");
    match.skipTo("travel");
    const offer = match.s.tables[0]!.fellowships[0]!;
    match.as("LDC", { type: "AcceptFellowship", fellowship: offer.id });
    look();
    expect(ldc.visible().filter((n) => n.kind === "offer")).toEqual([]);
  });

  it("during the negotiation / a corridor message shows and counts as unread until read", () => {
    const { match, ldc, look } = setup();
    match.skipTo("travel");
    match.as("TECH", { type: "BookTravel", mode: "in-person" });
    match.as("USG", { type: "BookTravel", mode: "in-person" });
    match.as("TECH", { type: "OfferFellowship", to: "LDC" });
    match.as("LDC", { type: "AcceptFellowship", fellowship: match.s.tables[0]!.fellowships[0]!.id });
    match.skipTo("negotiation");
    look();
    match.as("TECH", { type: "SendCorridorMessage", to: "LDC", text: "Glad you came." });
    match.as("TECH", { type: "SendCorridorMessage", to: "USG", text: "Not for LDC's eyes." });
    look();
    const corridor = ldc.visible().filter((n) => n.kind === "corridor");
    expect(corridor.map((n) => n.text)).toEqual(["Glad you came."]);
    expect(corridor[0]?.replyTo).toBe("TECH");
    expect(ldc.unreadCorridor()).toBe(1);
    ldc.markCorridorRead();
    expect(ldc.unreadCorridor()).toBe(0);
    expect(ldc.visible().filter((n) => n.kind === "corridor")).toEqual([]);
  });

  it("when the teacher pushes news or pauses the clock / it shows, then fades after a minute", () => {
    const { match, ldc, look, advance } = setup();
    match.ok({ type: "PushNews", text: "The US confirms its handover plan." });
    match.ok({ type: "PauseClock" });
    look();
    expect(ldc.visible().map((n) => n.kind).sort()).toEqual(["news", "teacher"]);
    advance(NOTICE_LIFETIME_MS + 1);
    expect(ldc.visible()).toEqual([]);
  });

  it("when dismissed / a notice stays away", () => {
    const { match, ldc, look } = setup();
    match.ok({ type: "PushNews", text: "Breaking." });
    look();
    const [news] = ldc.visible();
    ldc.dismiss(news!.id);
    look();
    expect(ldc.visible()).toEqual([]);
  });

  it("after a reload / old corridor talk and news are not notified again; an open offer is", () => {
    const { match } = setup();
    match.ok({ type: "PushNews", text: "Old news." });
    match.as("TECH", { type: "OfferFellowship", to: "LDC" });
    const fresh = new Notifications(() => 0);
    fresh.update(viewFor(match.s, player(seatOf("LDC")) as { kind: "player"; id: string }));
    expect(fresh.visible().map((n) => n.kind)).toEqual(["offer"]);
  });
});
