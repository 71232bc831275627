// The projector never scrolls, and no text on it is under 20 px at 1080 lines, so the back row
// can read it. Its layouts are sized for the shipped scenarios, but a longer text — a translated
// scenario, four long options with a news item, nine stances on four options — can still come
// out taller than the screen. After each render the screen's type scale (the root font size,
// 2.5vh × --projector-fit) steps down until the page fits, never so far that a text falls under
// 20 px at 1080 lines (the small texts' own rules hold them at 1.852vh), and climbs back up as
// far as the page still fits when there is room again: the content shrank, or the window grew
// (the page opened on the laptop's 768 lines, then dragged to the 1080-line projector — one
// notch per call left the projector's text small until enough renders had come by). Layout is
// read only on the projector, once per render while the scale is at its designed size.

const STEP = 0.03;
/** Below this the body text itself (1rem) would fall under 20 px at 1080 lines. */
const SMALLEST_FIT = 0.75;

let fit = 1;

function apply(value: number): void {
  fit = Math.round(value * 100) / 100;
  document.documentElement.style.setProperty("--projector-fit", String(fit));
}

/**
 * The page scrolls, or a part of the screen holds more than its row: the section's rows end
 * above the band kept free at its foot for the floating Glossary button (the section's bottom
 * padding), and content spilling out of a row would run into that band, under the button,
 * without making the page scroll.
 */
function overflows(section: HTMLElement): boolean {
  const root = document.documentElement;
  if (root.scrollHeight > window.innerHeight + 1 || root.scrollWidth > window.innerWidth + 1) return true;
  return [...section.children].some((part) => part instanceof HTMLElement && part.scrollHeight > part.clientHeight + 1);
}

/** The smallest font size, in CSS px, of any visible text in `section`. */
function smallestText(section: HTMLElement): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const element of section.querySelectorAll<HTMLElement>("*")) {
    if (![...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
    if (element.closest(".visually-hidden") || element.getClientRects().length === 0) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
  }
  return smallest;
}

/** Fits the projector's page to its screen; call after every render of the projector. */
export function fitProjector(section: HTMLElement): void {
  const floorPx = (window.innerHeight * 20) / 1080;
  const tooSmall = () => smallestText(section) < floorPx - 0.05;
  if (!overflows(section)) {
    while (fit < 1) {
      const before = fit;
      apply(Math.min(1, fit + STEP));
      if (overflows(section)) {
        apply(before);
        return;
      }
    }
    return;
  }
  while (overflows(section) && fit - STEP >= SMALLEST_FIT) {
    const before = fit;
    apply(fit - STEP);
    if (tooSmall()) {
      apply(before);
      return;
    }
  }
}

/** Back to the designed scale (a screen other than the projector takes over). */
export function resetProjectorFit(): void {
  fit = 1;
  document.documentElement.style.removeProperty("--projector-fit");
}
