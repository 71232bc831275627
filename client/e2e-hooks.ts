// Test hooks for the end-to-end suite (tests/e2e). They exist only when the page is
// opened with ?e2e=1, so a normal classroom session never exposes game internals.

export interface E2eHooks {
  /** Set once a screen has drawn its first frame. */
  ready?: boolean;
  scene?: string;
  renderer?: "WebGL" | "Canvas" | "Headless";
  seats?: number;
  /** Size of the last table model drawn, so a test can wait for a redraw. */
  drawn?: number;
  /** The table's screen (map or room), whether an animation plays, its smallest text in CSS pixels. */
  tableScreen?: "map" | "room";
  animating?: boolean;
  smallestTextPx?: number;
  canvas?: { width: number; height: number; cssWidth: number; cssHeight: number; pixelRatio: number };
  /** What the table told screen readers, oldest first. */
  tableSaid?: string[];
  /** The screen the app shows: landing, setup, student, host, projector. */
  screen?: string;
  phase?: string;
  /** The student's role id once dealt. */
  role?: string | null;
  player?: string | null;
  status?: string;
}

declare global {
  interface Window {
    __e2e?: E2eHooks;
  }
}

export function e2eEnabled(): boolean {
  return new URLSearchParams(window.location.search).has("e2e");
}

export function reportToE2e(update: E2eHooks): void {
  if (!e2eEnabled()) return;
  window.__e2e = { ...window.__e2e, ...update };
}
