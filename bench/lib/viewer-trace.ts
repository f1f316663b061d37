// A Chromium performance trace of one page (what DevTools' Performance panel records: main
// thread tasks, V8 compile and GC, the JavaScript CPU profile, worker threads, GPU process),
// written as a JSON file that DevTools or https://ui.perfetto.dev open. Diagnostics only:
// tracing slows the page, so the figures of a traced run are not comparable with the others.
import { createWriteStream } from "node:fs";
import type { CDPSession } from "@playwright/test";

const CATEGORIES = [
  "-*",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "toplevel",
  "v8.execute",
  "blink.user_timing",
  "loading",
  "disabled-by-default-v8.cpu_profiler",
  "disabled-by-default-v8.compile",
  "disabled-by-default-v8.gc",
];

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send("Tracing.start", { transferMode: "ReturnAsStream", traceConfig: { includedCategories: CATEGORIES } });
}

export async function stopTrace(cdp: CDPSession, file: string): Promise<void> {
  const complete = new Promise<string | undefined>((resolve) => cdp.once("Tracing.tracingComplete", ({ stream }) => resolve(stream)));
  await cdp.send("Tracing.end");
  const handle = await complete;
  if (!handle) throw new Error("Chromium returned no trace stream");
  const out = createWriteStream(file);
  try {
    for (;;) {
      const chunk = await cdp.send("IO.read", { handle });
      out.write(chunk.base64Encoded ? Buffer.from(chunk.data, "base64") : chunk.data);
      if (chunk.eof) break;
    }
  } finally {
    await cdp.send("IO.close", { handle });
    await new Promise((resolve) => out.end(resolve));
  }
}
