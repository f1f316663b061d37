// Next runs this in the browser before any of the application's modules (Next's
// instrumentation-client convention): global settings that module-level code depends on.
import "@/lib/ui/zod-without-eval";
