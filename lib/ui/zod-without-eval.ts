import { z } from "zod";

// Zod 4 compiles object parsers with `new Function` when it can, and finds out whether it can by
// trying: under the pages' Content-Security-Policy (no 'unsafe-eval') that try is a reported
// violation. In the browser it parses without compiling; forms are small, the cost is nil.
// Zod decides when an object schema is built, at module load: so this runs from
// instrumentation-client.ts, before any module of the application.
z.config({ jitless: true });
