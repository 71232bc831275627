// Catalog messages for tests, filled the way the browser fills them (Lingui, compiled from the
// same ICU text): a test names what a person reads in the language the screen shows.
import { setupI18n } from "@lingui/core";
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";

type Params = Readonly<Record<string, string | number>>;

/** One ICU message filled with its values, in `locale`'s number and plural rules. */
export function format(template: string, params: Params = {}, locale = "en"): string {
  const i18n = setupI18n();
  i18n.loadAndActivate({ locale, messages: { message: compileMessageOrThrow(template) } });
  return i18n._("message", params);
}
