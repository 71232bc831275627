// Vite 8 (Rolldown) build of the browser client. Run from the repository root:
//   npm run build:client   → client/dist
//   npm run dev:client     → http://127.0.0.1:8080
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { messagesPlugin } from "../scripts/messages-plugin.js";

const clientDir = fileURLToPath(new URL(".", import.meta.url));
const assetsDir = fileURLToPath(new URL("../assets", import.meta.url));

export default defineConfig({
  root: clientDir,
  // Absolute URLs: client routes such as /join/ABCDE are nested paths served with index.html.
  base: "/",
  plugins: [messagesPlugin()],
  // assets/ is public media only: everything in it reaches every browser.
  publicDir: assetsDir,
  server: { host: "127.0.0.1", port: 8080, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173 },
  resolve: {
    // The SDK and the shared code must decode state with one copy of the schema library.
    dedupe: ["@colyseus/schema"],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Phaser alone is about 1.4 MB minified; it sits in its own chunk, loaded on demand.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Rolldown warns when plugins take a large share of a build (the messages plugin compiles
      // every catalog): on a busy school laptop that is most builds, and `npm start` would greet
      // a teacher with a yellow warning about build internals.
      checks: { bundlerTimings: false },
      output: {
        // Each language's messages as assets/messages-<code>-<hash>.js (the bench weighs them).
        chunkFileNames: (chunk) => (chunk.facadeModuleId?.startsWith("\0virtual:messages/") ? "assets/messages-[name]-[hash].js" : "assets/[name]-[hash].js"),
        codeSplitting: {
          groups: [
            // Phaser barely changes between our releases: one long-cached chunk.
            { name: "phaser", test: /[\\/]node_modules[\\/]phaser[\\/]/, priority: 20 },
            // The network layer (Colyseus SDK and schema) in another.
            { name: "colyseus", test: /[\\/]node_modules[\\/]@colyseus[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
