// Compiles each language's catalog at build time: `import("virtual:messages/es")` becomes a
// module of Lingui's compiled messages (the ICU syntax already parsed into tokens), so the
// browser runs only Lingui's small interpreter, never a message parser. The source is
// client/text/languages/<code>.ts, a TypeScript object of ICU strings, read here with tsx.
// A message that does not parse fails the build, naming the language and the key.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import { tsImport } from "tsx/esm/api";
import type { Plugin } from "vite";

const PREFIX = "virtual:messages/";
const languagesDir = fileURLToPath(new URL("../client/text/languages/", import.meta.url));

export function messagesPlugin(): Plugin {
  return {
    name: "rough-consensus-messages",
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const language = id.slice(PREFIX.length + 1);
      if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(language)) throw new Error(`No such language: ${language}`);
      const file = path.join(languagesDir, `${language}.ts`);
      // Edits to any catalog rebuild the language in the dev server.
      this.addWatchFile(path.dirname(languagesDir));
      const source = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { messages: Record<string, string> };
      const compiled: Record<string, unknown> = {};
      for (const [key, message] of Object.entries(source.messages)) {
        try {
          compiled[key] = compileMessageOrThrow(message);
        } catch (error) {
          throw new Error(`${language} message "${key}" is not valid ICU: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
