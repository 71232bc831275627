// Renders the start page from the controller's state and turns clicks and submits into
// its verbs. The markup lives in index.html; this file only finds it and keeps it current.
import type { LandingController, LandingState } from "../ctrl/landing-controller.js";
import { t } from "../text/catalog.js";

export interface LandingElements {
  readonly form: HTMLFormElement;
  readonly codeInput: HTMLInputElement;
  readonly codeError: HTMLElement;
  readonly startButton: HTMLButtonElement;
  readonly status: HTMLElement;
}

export function findLandingElements(root: Document): LandingElements {
  return {
    form: required(root, "#join-form", HTMLFormElement),
    codeInput: required(root, "#class-code", HTMLInputElement),
    codeError: required(root, "#class-code-error", HTMLElement),
    startButton: required(root, "#start-match", HTMLButtonElement),
    status: required(root, "#landing-status", HTMLElement),
  };
}

export function bindLanding(elements: LandingElements, controller: LandingController): void {
  elements.form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.join(elements.codeInput.value);
  });
  elements.startButton.addEventListener("click", () => controller.startMatch());
}

export function renderLanding(elements: LandingElements, state: LandingState): void {
  const rejected = state.kind === "codeRejected";
  elements.codeInput.setAttribute("aria-invalid", String(rejected));
  elements.codeError.textContent = rejected ? t(state.reason) : "";
  elements.codeError.hidden = !rejected;
  if (rejected) elements.codeInput.focus();

  elements.status.textContent =
    state.kind === "joining"
      ? t("landing.student.joining", { code: state.classCode })
      : state.kind === "starting"
        ? t("landing.teacher.starting")
        : "";
}

function required<T extends Element>(
  root: Document,
  selector: string,
  type: abstract new () => T,
): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`index.html is missing ${selector}`);
  return element;
}
