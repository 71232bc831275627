// Renders the start page from the controller's state and turns clicks and submits into
// its verbs. The markup lives in index.html; this file only finds it and keeps it current.
import type { LandingController, LandingState } from "../ctrl/landing-controller.js";
import { t } from "../text/catalog.js";

export interface LandingElements {
  readonly form: HTMLFormElement;
  readonly codeInput: HTMLInputElement;
  readonly codeError: HTMLElement;
  readonly nicknameInput: HTMLInputElement;
  readonly nicknameError: HTMLElement;
  readonly joinButton: HTMLButtonElement;
  readonly startButton: HTMLButtonElement;
  readonly status: HTMLElement;
}

export function findLandingElements(root: Document): LandingElements {
  return {
    form: required(root, "#join-form", HTMLFormElement),
    codeInput: required(root, "#class-code", HTMLInputElement),
    codeError: required(root, "#class-code-error", HTMLElement),
    nicknameInput: required(root, "#nickname", HTMLInputElement),
    nicknameError: required(root, "#nickname-error", HTMLElement),
    joinButton: required(root, "#join-button", HTMLButtonElement),
    startButton: required(root, "#start-match", HTMLButtonElement),
    status: required(root, "#landing-status", HTMLElement),
  };
}

export function bindLanding(elements: LandingElements, controller: LandingController): void {
  elements.form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.join(elements.codeInput.value, elements.nicknameInput.value);
  });
  elements.startButton.addEventListener("click", () => controller.startMatch());
}

export function renderLanding(elements: LandingElements, state: LandingState): void {
  const codeRejected = state.kind === "codeRejected";
  const nicknameRejected = state.kind === "nicknameRejected";
  elements.codeInput.setAttribute("aria-invalid", String(codeRejected));
  elements.codeError.textContent = codeRejected ? t(state.reason, { reason: state.detail ?? "" }) : "";
  elements.codeError.hidden = !codeRejected;
  elements.nicknameInput.setAttribute("aria-invalid", String(nicknameRejected));
  elements.nicknameError.textContent = nicknameRejected ? t(state.reason) : "";
  elements.nicknameError.hidden = !nicknameRejected;
  if (codeRejected) elements.codeInput.focus();
  if (nicknameRejected) elements.nicknameInput.focus();
  elements.joinButton.disabled = state.kind === "joining";

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
