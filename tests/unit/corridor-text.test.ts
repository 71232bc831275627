// A bot's corridor line reaches each device by code and is worded there in the device's own
// language, the option's title from the scenario's translation; in English it is exactly the
// bot's own sentence. A person's message is shown as written.
import { describe, expect, it } from "vitest";
import { corridorText } from "../../client/ctrl/corridor-text.js";
import { setLanguage } from "../../client/text/catalog.js";
import { messages as spanish } from "../../client/text/languages/es.js";
import { localiseView } from "../../client/text/scenario-texts.js";
import { simulateMatch } from "../../shared/bots/index.js";
import { viewFor } from "../../shared/index.js";
import { defaultScenario } from "../helpers/engine.js";
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
    const title = view.scenario.translations.es?.dossiers?.[dossier.id]?.options?.[line.option]?.title;
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
