// A bot's line — corridor message, floor statement, note on an offer or a grant — reaches each
// device by code and is worded there in the device's own language, the option's, role's,
// dossier's and city's names from the scenario's translation; in English it is exactly the
// bot's own sentence. A person's words are shown as written.
import { describe, expect, it } from "vitest";
import { corridorText, noteText, statementText } from "../../client/ctrl/corridor-text.js";
import { tableModelOf } from "../../client/scenes/table-model.js";
import { setLanguage } from "../../client/text/catalog.js";
import { messages as spanish } from "../../client/text/languages/es.js";
import { localiseView } from "../../client/text/scenario-texts.js";
import { simulateMatch } from "../../shared/bots/index.js";
import { BOT_LINES_EN } from "../../shared/bots/lines.js";
import { viewFor } from "../../shared/index.js";
import { Match, defaultScenario, player } from "../helpers/engine.js";
import { format } from "../helpers/messages.js";

function botWhisper() {
  for (let seed = 1; seed <= 12; seed++) {
    const run = simulateMatch({ scenario: defaultScenario(), rule: "R1", seed });
    const event = run.events.find((e) => e.type === "CorridorMessageSent");
    if (event?.type !== "CorridorMessageSent") continue;
    const hearer = Object.values(run.state.players).find((p) => p.role === event.to)!;
    const view = viewFor(run.state, { kind: "player", id: hearer.id });
    const message = view.tables.flatMap((t) => t.corridor).find((c) => c.id === event.id)!;
    return { event, view, message };
  }
  throw new Error("no bot spoke in the corridor in twelve seeds");
}

describe("a bot's corridor line on a device", () => {
  const { event, view, message } = botWhisper();

  it("is the bot's own English sentence in English", async () => {
    await setLanguage("en");
    expect(corridorText(localiseView(view, "en"), message)).toBe(event.text);
  });

  it("is worded in Spanish on a Spanish device, with the option's Spanish title", async () => {
    await setLanguage("es");
    const line = message.line!;
    const dossier = view.scenario.dossiers[message.round]!;
    const title = view.scenario.translations.es?.dossiers?.[dossier.id]?.options?.[line.option!]?.title;
    expect(title, "the option has a Spanish title").toBeTruthy();
    const expected = format(spanish[`bot.${line.key}.${line.variant}` as keyof typeof spanish], { option: title! }, "es");
    expect(corridorText(localiseView(view, "es"), message)).toBe(expected);
    expect(expected).not.toBe(event.text);
  });

  it("shows a person's message as written, in any language", async () => {
    await setLanguage("de");
    const { line: _line, ...person } = message;
    expect(corridorText(localiseView(view, "de"), { ...person, text: "Hola, ¿hablamos?" })).toBe("Hola, ¿hablamos?");
  });
});

describe("a bot's statement and notes on a device", () => {
  // A person at one seat, bots at the others; a bot in the room speaks, one gives a grant and
  // one offers a trip, each by code, with the English the engine keeps beside it.
  const m = new Match().seatEveryone(["TECH"]);
  m.ok({ type: "FillWithBots" });
  m.start().skipTo("travel");
  const botOf = (role: string) => player(Object.values(m.s.players).find((p) => p.role === role && p.kind === "bot")!.id);
  const dossier = m.s.scenario.dossiers[0]!;
  const option = dossier.options[1]!;
  m.ok({ type: "OfferFellowship", to: "TECH", note: "We would be glad to bring you.", line: { key: "fellowship.note", variant: 0, dossier: dossier.id } }, botOf("EU"));
  m.ok({ type: "BookTravel", mode: "in-person" }, botOf("EU"));
  m.skipTo("negotiation");
  const english = BOT_LINES_EN["floor.support"][0].replace("{option}", option.title).replace("{constituency}", m.s.scenario.roles.find((r) => r.id === "EU")!.name);
  m.ok({ type: "MakeStatement", text: english, line: { key: "floor.support", variant: 0, option: option.id, role: "EU" } }, botOf("EU"));
  m.ok({ type: "GiveGrant", to: "TECH", amount: 1, note: "For your work.", line: { key: "grant.note", variant: 0, dossier: dossier.id } }, botOf("EU"));
  const projector = viewFor(m.s, { kind: "projector" });
  const phone = viewFor(m.s, { kind: "player", id: "tech" });
  const es = m.s.scenario.translations?.es ?? {};

  it("is the bot's own English sentence in English", async () => {
    await setLanguage("en");
    expect(statementText(localiseView(projector, "en"), projector.tables[0]!.statements[0]!)).toBe(english);
  });

  it("is worded in Spanish on a Spanish projector, with the option's and the delegation's Spanish names", async () => {
    await setLanguage("es");
    const title = es.dossiers?.[dossier.id]?.options?.[option.id]?.title;
    const name = es.roles?.["EU"]?.name;
    expect(title && name, "the scenario has the option and the role in Spanish").toBeTruthy();
    const spoken = statementText(localiseView(projector, "es"), projector.tables[0]!.statements[0]!);
    expect(spoken).toBe(format(spanish["bot.floor.support.0"], { option: title!, constituency: name! }, "es"));
    expect(spoken).toContain(title!);
    expect(spoken).not.toContain(option.title);
  });

  it("is what the table's speech bubble shows on a Spanish projector (the statements list is checked in the languages e2e)", async () => {
    await setLanguage("es");
    const view = localiseView(projector, "es");
    const spoken = statementText(view, projector.tables[0]!.statements[0]!);
    expect(tableModelOf(view, 0)?.floor?.text).toBe(spoken);
    expect(spoken).not.toBe(english);
  });

  it("words the notes on a bot's offer and grant in Spanish on the guest's phone, with the city and the dossier in Spanish", async () => {
    await setLanguage("es");
    const view = localiseView(phone, "es");
    const offer = view.tables[0]!.fellowships[0]!;
    const grant = view.tables[0]!.grants[0]!;
    const city = es.dossiers?.[dossier.id]?.venue?.city;
    const title = es.dossiers?.[dossier.id]?.title;
    expect(city && title, "the scenario has the city and the dossier in Spanish").toBeTruthy();
    expect(noteText(view, offer)).toBe(format(spanish["bot.fellowship.note.0"], { city: city! }, "es"));
    expect(noteText(view, grant)).toBe(format(spanish["bot.grant.note.0"], { dossier: title! }, "es"));
    // A person's note is shown as written.
    expect(noteText(view, { ...grant, line: undefined, note: "Gracias" })).toBe("Gracias");
  });
});
