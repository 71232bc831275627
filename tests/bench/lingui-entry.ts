// What the game takes from Lingui, alone: the bench builds this to weigh the library's runtime.
import { setupI18n } from "@lingui/core";

export const i18n = setupI18n();
