// Nicknames (shared/rules/nicknames.ts) through decide: letters of any script, digits,
// punctuation, emoji and single spaces are welcome; what does not show on screen — control and
// invisible formatting characters, bidi overrides and isolates, a NUL byte, a name of combining
// marks only — is refused with the character named, when joining and when renaming.
import { describe, expect, it } from "vitest";
import { decide, type Verdict } from "../../shared/index.js";
import { Match, player } from "../helpers/engine.js";

function join(nickname: string): Verdict {
  const m = new Match();
  return decide(m.state, { type: "JoinMatch", playerId: "p1", nickname }, { actor: player("p1"), now: m.now });
}

const joinedAs = (nickname: string) => {
  const v = join(nickname);
  if (!v.ok) throw new Error(`${JSON.stringify(nickname)} was refused: ${v.rejection.message}`);
  const e = v.events[0]!;
  return e.type === "PlayerJoined" ? e.nickname : "";
};

const refusal = (nickname: string) => {
  const v = join(nickname);
  if (v.ok) throw new Error(`${JSON.stringify(nickname)} was accepted`);
  return v.rejection;
};

describe("in the lobby, joining", () => {
  it("welcomes names in any script, with accents, digits, punctuation and emoji", () => {
    for (const name of ["Ana", "José María", "Nguyễn Thị", "Zoë-Louise", "O'Neil", "李小龍", "محمد", "Søren 2", "दीपिका", "Ana 🦊", "👩‍💻 Dev", "Team #3!"]) expect(joinedAs(name)).toBe(name.normalize("NFC"));
  });

  it("tidies spaces: trimmed, and a run of spaces (any kind) becomes one", () => {
    expect(joinedAs("  Ana \u00a0\u2003 Lu  ")).toBe("Ana Lu");
    expect(joinedAs("Jose\u0301")).toBe("José"); // composed
  });

  it("refuses a nickname of zero-width characters only", () => {
    expect(refusal("\u200b\u200b\u200b")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("zero-width space") });
    expect(refusal("\u200d\u200c")).toMatchObject({ code: "nickname-characters" });
  });

  it("refuses a nickname of combining marks only, and marks piled on one letter", () => {
    expect(refusal("\u0301\u0302\u0303")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("combining mark") });
    expect(refusal(`Z${"\u0336\u0337\u0338\u0335\u0334\u0333".repeat(2)}`)).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("too many accents") });
  });

  it("refuses right-to-left overrides and bidi isolates, naming them", () => {
    expect(refusal("Ana\u202Egnp.exe")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("right-to-left override (U+202E)") });
    expect(refusal("\u2067Ana\u2069")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("right-to-left isolate") });
    expect(refusal("Ana\u200f")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("right-to-left mark") });
  });

  it("refuses a NUL byte, control characters and line breaks inside a name", () => {
    expect(refusal("Ana\u0000")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("NUL byte") });
    expect(refusal("Ana\nBen")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("line break") });
    expect(refusal("Ana\u0007")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("control character") });
    expect(refusal("Ana\u2028Ben")).toMatchObject({ code: "nickname-characters" });
  });

  it("refuses blank look-alikes and private-use characters", () => {
    expect(refusal("\u3164\u3164")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("U+3164") });
    expect(refusal("Ana\uE000")).toMatchObject({ code: "nickname-characters", message: expect.stringContaining("private-use") });
  });

  it("still says when a nickname is empty or too long", () => {
    expect(refusal("   ")).toMatchObject({ code: "nickname-empty" });
    expect(refusal("x".repeat(25))).toMatchObject({ code: "nickname-too-long" });
  });
});

describe("renaming", () => {
  it("applies the same rule", () => {
    const m = new Match();
    m.ok({ type: "JoinMatch", playerId: "p1", nickname: "Ana" }, player("p1"));
    expect(m.rejected({ type: "RenamePlayer", player: "p1", nickname: "A\u202Ena" }, player("p1"))).toBe("nickname-characters");
    expect(m.rejected({ type: "RenamePlayer", player: "p1", nickname: "\u200b" })).toBe("nickname-characters");
    m.ok({ type: "RenamePlayer", player: "p1", nickname: "Ana 🌍" }, player("p1"));
  });

  it("makes a taken name unique without cutting a character in half", () => {
    const m = new Match();
    const long = `${"x".repeat(21)}🦊`; // 23 UTF-16 units, the fox is two of them
    m.ok({ type: "JoinMatch", playerId: "p1", nickname: long }, player("p1"));
    const [e] = m.ok({ type: "JoinMatch", playerId: "p2", nickname: long }, player("p2"));
    const second = e!.type === "PlayerJoined" ? e!.nickname : "";
    expect(second).toBe(`${"x".repeat(21)} 2`);
    expect(joinedAs(second)).toBe(second);
  });
});
