// The only place the debrief's key names appear. The teacher steps through the cards with the
// arrow keys or with a presenter clicker (which sends Page Up / Page Down); typing in a field
// is never taken over.
import type { DebriefController } from "./debrief-controller.js";

const NEXT = new Set(["ArrowRight", "PageDown"]);
const PREVIOUS = new Set(["ArrowLeft", "PageUp"]);

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Binds the keys while the teacher's debrief is on screen; returns the unbind function. */
export function bindDebriefKeys(ctrl: DebriefController): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (ctrl.audience !== "teacher" || ctrl.view?.status !== "ended") return;
    if (!document.querySelector(".debrief")) return;
    if (NEXT.has(event.key)) void ctrl.next();
    else if (PREVIOUS.has(event.key)) void ctrl.previous();
    else return;
    event.preventDefault();
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}
