// `npm run build`, after next build: compiles the custom server (lib/server/build/server-bundle.ts).
import { buildServerBundle } from "@/lib/server/build/server-bundle";

console.log(`[teleradio] server compiled: ${await buildServerBundle()}`);
