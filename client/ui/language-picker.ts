// The language picker at the foot of every screen: each device shows the game in its own
// language, so one class can play in several at once. The choice is remembered on the device;
// another window of the same browser (the projector beside the teacher's dashboard) follows
// it at once through the `storage` event. Hidden while the game speaks only one language.
import { remembered } from "../net/storage.js";
import { currentLanguage, onLanguageChange, setLanguage, t } from "../text/catalog.js";
import { isLanguage, LANGUAGES, type Language } from "../text/languages.js";

/** The key the choice is stored under (storage.ts's prefix + "language"). */
const STORAGE_KEY = "rough-consensus.language";

export async function chooseLanguage(language: Language): Promise<void> {
  remembered.setLanguage(language);
  await setLanguage(language);
}

export function mountLanguagePicker(container: HTMLElement): HTMLElement {
  const label = document.createElement("label");
  label.htmlFor = "language";
  const select = document.createElement("select");
  select.id = "language";
  select.dataset.testid = "language-picker";
  for (const language of LANGUAGES) {
    // Each language under its own name, with its tag so the page reads it right.
    const option = new Option(language.name, language.code);
    option.lang = language.code;
    select.append(option);
  }
  const fill = () => {
    // Screen readers and hyphenation follow the page's language.
    document.documentElement.lang = currentLanguage();
    label.textContent = t("language.label");
    select.value = currentLanguage();
  };
  select.addEventListener("change", () => {
    if (isLanguage(select.value)) void chooseLanguage(select.value);
  });
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY && event.newValue && isLanguage(event.newValue)) void setLanguage(event.newValue);
  });
  onLanguageChange(fill);
  fill();
  container.replaceChildren(label, select);
  container.hidden = LANGUAGES.length < 2;
  return container;
}
