// The replay's keys, lichess style: the only place key names appear. The same table binds
// the keys and renders the ? help, so the help can never drift from what the keys do.
import { h, type VNode } from "../ui/dom.js";
import { rt } from "../text/replay-en.js";
import type { ReplayController } from "./replay-controller.js";

interface Binding {
  /** KeyboardEvent.key values. */
  keys: string[];
  /** How the help shows them. */
  shown: string;
  what: string;
  run(ctrl: ReplayController): void;
}

const bindings: Binding[] = [
  { keys: ["ArrowLeft"], shown: "←", what: rt("replay.previous"), run: (c) => c.step(-1) },
  { keys: ["ArrowRight"], shown: "→", what: rt("replay.next"), run: (c) => c.step(1) },
  { keys: ["Home"], shown: "Home", what: rt("replay.first"), run: (c) => c.first() },
  { keys: ["End"], shown: "End", what: rt("replay.last"), run: (c) => c.last() },
  { keys: ["k"], shown: "k", what: rt("replay.previousMarker"), run: (c) => c.previousMarker() },
  { keys: ["j"], shown: "j", what: rt("replay.nextMarker"), run: (c) => c.nextMarker() },
  { keys: [" "], shown: "Space", what: `${rt("replay.play")} / ${rt("replay.pause")}`, run: (c) => c.togglePlay() },
  { keys: ["+", "="], shown: "+", what: `${rt("replay.speed")} +`, run: (c) => c.faster() },
  { keys: ["-"], shown: "−", what: `${rt("replay.speed")} −`, run: (c) => c.slower() },
  { keys: ["t"], shown: "t", what: rt("replay.textMode"), run: (c) => c.toggleTextMode() },
  { keys: ["?"], shown: "?", what: rt("replay.help.title"), run: (c) => c.toggleHelp() },
  { keys: ["Escape"], shown: "Esc", what: rt("replay.help.close"), run: (c) => c.toggleHelp(false) },
];

/** Keys typed into a field, or used by a focused control (a select's arrows), stay theirs. */
function ownedByControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable) return true;
  if (tag === "INPUT") return (target as HTMLInputElement).type !== "range" || event.key === "ArrowLeft" || event.key === "ArrowRight" || event.key === "Home" || event.key === "End";
  if (tag === "BUTTON" && event.key === " ") return true;
  return false;
}

export function bindKeys(ctrl: ReplayController, target: Window = window): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || ownedByControl(event)) return;
    const binding = bindings.find((b) => b.keys.includes(event.key));
    if (!binding) return;
    event.preventDefault();
    binding.run(ctrl);
  };
  target.addEventListener("keydown", onKey);
  return () => target.removeEventListener("keydown", onKey);
}

export function renderKeyHelp(ctrl: ReplayController): VNode | null {
  if (!ctrl.helpOpen) return null;
  return h(
    "section",
    { class: "replay-help", role: "dialog", "aria-modal": "false", "aria-labelledby": "replay-help-title", "data-testid": "replay-help" },
    h("h2", { id: "replay-help-title" }, rt("replay.help.title")),
    h(
      "dl",
      { class: "replay-help__list" },
      bindings.map((b) => [h("dt", null, h("kbd", null, b.shown)), h("dd", null, b.what)]),
    ),
    h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.toggleHelp(false) }, rt("replay.help.close")),
  );
}
