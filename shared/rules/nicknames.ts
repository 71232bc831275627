// A nickname is read by classmates on the projector and in exports, so every character in it
// must show: letters, digits, punctuation, symbols (emoji included) and single spaces. Control
// characters, invisible formatting (zero-width characters, right-to-left overrides, bidi
// isolates), private-use and separator characters are refused with the character named, and
// so is a nickname made only of combining marks or with marks piled on one letter.
import { LIMITS } from "./commands.js";
import type { RejectionParams } from "./rejections.js";

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; code: "nickname-empty" | "nickname-too-long" | "nickname-characters"; params?: RejectionParams };

/** Characters that are letters or symbols to Unicode but show nothing. */
const BLANK = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);
/** Names for the invisible characters people actually paste. */
const NAMES: Record<number, string> = {
  0x00: "a NUL byte",
  0x09: "a tab",
  0x0a: "a line break",
  0x0d: "a line break",
  0x200b: "a zero-width space",
  0x200c: "a zero-width non-joiner",
  0x200d: "a zero-width joiner",
  0x200e: "a left-to-right mark",
  0x200f: "a right-to-left mark",
  0x202a: "a left-to-right embedding",
  0x202b: "a right-to-left embedding",
  0x202c: "a directional formatting end",
  0x202d: "a left-to-right override",
  0x202e: "a right-to-left override",
  0x2066: "a left-to-right isolate",
  0x2067: "a right-to-left isolate",
  0x2068: "a first-strong isolate",
  0x2069: "a directional isolate end",
  0x2060: "a word joiner",
  0xfeff: "a zero-width no-break space",
  0x00ad: "a soft hyphen",
};
/** Combining marks one character may carry: enough for any script, not for a pile. */
const MAX_MARKS = 4;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
const described = (cp: number, kind: string) => `${NAMES[cp] ?? kind} (${hex(cp)})`;

const isPictograph = (ch: string | undefined) => ch !== undefined && /\p{Extended_Pictographic}/u.test(ch);

/** Checks and tidies a nickname: NFC, spaces collapsed, trimmed; or why not. */
export function checkNickname(raw: unknown): NicknameCheck {
  if (typeof raw !== "string") return { ok: false, code: "nickname-empty" };
  const nickname = raw.normalize("NFC").replace(/\p{Zs}+/gu, " ").trim();
  if (!nickname) return { ok: false, code: "nickname-empty" };
  if (nickname.length > LIMITS.nickname) return { ok: false, code: "nickname-too-long", params: { max: LIMITS.nickname } };
  const chars = [...nickname];
  let marks = 0;
  let visible = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    // kind: which sort of character, so each language names it in its own words.
    const refuse = (kind: string, what: string) => ({ ok: false, code: "nickname-characters", params: { problem: "hidden", kind, character: hex(cp), name: described(cp, what) } }) as const;
    if (/\p{Cc}/u.test(ch)) return refuse("control", "a control character");
    if (/[\p{Zl}\p{Zp}]/u.test(ch)) return refuse("lineSeparator", "a line separator");
    if (/\p{Co}/u.test(ch)) return refuse("privateUse", "a private-use character");
    if (/\p{Cs}/u.test(ch)) return refuse("broken", "half of a broken character");
    if (/\p{Cf}/u.test(ch)) {
      // The one exception: the joiner inside an emoji sequence (👩‍💻), between two pictographs.
      const before = chars[i - 1] === "\uFE0F" ? chars[i - 2] : chars[i - 1];
      if (cp === 0x200d && isPictograph(before) && isPictograph(chars[i + 1])) continue;
      return refuse("formatting", "an invisible formatting character");
    }
    if (BLANK.has(cp)) return refuse("blank", "a blank character");
    if (/\p{M}/u.test(ch)) {
      if (i === 0 || chars[i - 1] === " ") return { ok: false, code: "nickname-characters", params: { problem: "markFirst", character: hex(cp) } };
      if (++marks > MAX_MARKS) return { ok: false, code: "nickname-characters", params: { problem: "tooManyMarks" } };
      continue;
    }
    marks = 0;
    if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)) visible = true;
  }
  if (!visible) return { ok: false, code: "nickname-empty" };
  return { ok: true, nickname };
}
