import { z } from "zod";

// Zod 4 compiles object parsers with `new Function` when it can, and finds out whether it can by
// trying: under the pages' Content-Security-Policy (no 'unsafe-eval') that try is a reported
// violation. In the browser it parses without compiling; forms are small, the cost is nil.
// Imported first by the providers, before any schema parses.
z.config({ jitless: true });
