// Each language's catalog, compiled at build time by scripts/messages-plugin.ts from
// client/text/languages/<code>.ts: message key → Lingui's compiled ICU message.
declare module "virtual:messages/*" {
  import type { CompiledMessage } from "@lingui/message-utils/compileMessage";
  const messages: Readonly<Record<string, CompiledMessage>>;
  export default messages;
}
