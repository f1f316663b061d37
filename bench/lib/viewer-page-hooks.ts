// What the viewer bench runs inside the page. Scripts are strings: functions passed from tsx
// would carry its helpers. They read the viewer's own performance marks and the
// browser's resource timings; nothing here changes what the viewer does.

/**
 * Installed before any page script. Besides the viewer's marks, it records when each viewport
 * first rendered with data: Cornerstone's IMAGE_RENDERED events (listened to in the capture
 * phase, since they do not bubble) carry the viewport's status, "noData" while a reformat has
 * no volume yet. (A stack viewport's empty first render says "needsRender": for the stack, the
 * viewer's own mark, which checks for an image, is the reference.)
 */
export const PAGE_HOOKS = `(() => {
  // 200 frames, a metadata request and the page's chunks exceed the default buffer of 250.
  performance.setResourceTimingBufferSize(5000);
  const waiters = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      const value = waiter.read();
      if (value !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(value);
      }
    }
  };
  // Resolves with read()'s value (ms since navigation start) once it is defined.
  const when = (read) => new Promise((resolve) => {
    waiters.push({ read, resolve });
    settle();
  });
  new PerformanceObserver(settle).observe({ type: "mark" });
  const markTime = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime;
  window.__benchMark = (name) => when(() => markTime(name));

  window.__benchImageRenders = {};
  document.addEventListener("CORNERSTONE_IMAGE_RENDERED", (event) => {
    const status = event.detail?.viewportStatus;
    if (status === "noData" || status === "loading") return;
    const cell = event.target instanceof Element ? event.target.closest("[data-viewport]") : null;
    const name = cell?.dataset.viewport;
    if (name && window.__benchImageRenders[name] === undefined) {
      window.__benchImageRenders[name] = performance.now();
      settle();
    }
  }, true);
  window.__benchMprImageRenders = (count) => when(() => {
    const times = Object.entries(window.__benchImageRenders).filter(([name]) => name.startsWith("mpr-")).map(([, time]) => time);
    return times.length >= count ? times.sort((a, b) => a - b)[count - 1] : undefined;
  });

  // The MPR figures start at the click itself, not when the bench asked for it.
  document.addEventListener("click", (event) => {
    if (window.__benchMprClickAt === undefined && event.target instanceof Element && event.target.closest('[data-testid="toggle-mpr"]')) {
      window.__benchMprClickAt = performance.now();
    }
  }, true);
  window.__benchErrors = [];
  window.addEventListener("error", (event) => window.__benchErrors.push(String(event.message)));
  window.addEventListener("unhandledrejection", (event) => window.__benchErrors.push(String(event.reason)));
})();`;

export const waitForMark = (name: string): string => `window.__benchMark(${JSON.stringify(name)})`;

/** When `count` of the three reformats had rendered an image. */
export const waitForMprImages = (count: number): string => `window.__benchMprImageRenders(${count})`;

export const MPR_CLICK_AT = "window.__benchMprClickAt ?? null";

/** The page's state when something did not arrive in time, for the error message. */
export const PAGE_STATE = `(() => {
  const stack = document.querySelector('[data-viewport="stack-0"]');
  const load = document.querySelector('[data-testid="viewer-load"]');
  return JSON.stringify({
    url: location.href,
    renders: stack?.dataset.renders ?? null,
    loaded: load?.dataset.loaded ?? null,
    total: load?.dataset.total ?? null,
    forbidden: document.querySelector('[data-testid="viewer-forbidden"]')?.textContent ?? null,
    errors: window.__benchErrors ?? [],
    marks: performance.getEntriesByType("mark").map((m) => m.name),
    imageRenders: window.__benchImageRenders ?? {},
  });
})()`;

/** Where the time went up to the stack loaded: the viewer's marks and the resource timings. */
export interface LoadTimeline {
  /** The viewer's own marks: viewer:first-image (viewport 0 rendered an image), viewer:stack-loaded. */
  firstImage: number | null;
  stackLoaded: number | null;
  /** The HTML's last byte (ms since navigation start). */
  htmlEnd: number | null;
  /** Last byte of the last script chunk fetched before the metadata request. */
  scriptsEnd: number | null;
  metadataStart: number | null;
  metadataEnd: number | null;
  firstFrameStart: number | null;
  firstFrameEnd: number | null;
  lastFrameEnd: number | null;
  frames: number;
  /** Most frame requests in flight at once, and the median time of one (request start → last byte). */
  framesInFlightMax: number;
  frameMedianMs: number | null;
  renders: number;
  imageCount: number;
  diagnostics: { cacheBytes: number; decodeWorkers: number } | null;
  errors: string[];
}

export const LOAD_TIMELINE = `(() => {
  const mark = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? null;
  const nav = performance.getEntriesByType("navigation")[0];
  const resources = performance.getEntriesByType("resource");
  const metadata = resources.find((r) => /\\/series\\/[^/]+\\/metadata$/.test(r.name));
  const frames = resources.filter((r) => r.name.includes("/frames/"));
  const scripts = resources.filter((r) => /\\.js(\\?|$)/.test(r.name) && (!metadata || r.startTime < metadata.startTime));
  const min = (values) => (values.length ? Math.min(...values) : null);
  const max = (values) => (values.length ? Math.max(...values) : null);
  const stack = document.querySelector('[data-viewport="stack-0"]');
  const diagnostics = window.teleradioViewerDiagnostics?.() ?? null;
  return {
    firstImage: mark("viewer:first-image"),
    stackLoaded: mark("viewer:stack-loaded"),
    htmlEnd: nav?.responseEnd ?? null,
    scriptsEnd: max(scripts.map((r) => r.responseEnd)),
    metadataStart: metadata?.startTime ?? null,
    metadataEnd: metadata?.responseEnd ?? null,
    firstFrameStart: min(frames.map((r) => r.startTime)),
    firstFrameEnd: min(frames.map((r) => r.responseEnd)),
    lastFrameEnd: max(frames.map((r) => r.responseEnd)),
    frames: frames.length,
    framesInFlightMax: (() => {
      const edges = frames.flatMap((r) => [[r.startTime, 1], [r.responseEnd, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let now = 0;
      let most = 0;
      for (const [, step] of edges) most = Math.max(most, (now += step));
      return most;
    })(),
    frameMedianMs: (() => {
      const times = frames.map((r) => r.responseEnd - r.startTime).sort((a, b) => a - b);
      return times.length ? times[Math.floor(times.length / 2)] : null;
    })(),
    renders: Number(stack?.dataset.renders ?? 0),
    imageCount: Number(stack?.dataset.imageCount ?? 0),
    diagnostics: diagnostics && { cacheBytes: diagnostics.cacheBytes, decodeWorkers: diagnostics.decodeWorkers },
    errors: window.__benchErrors ?? [],
  };
})()`;

export const CACHE_BYTES = "window.teleradioViewerDiagnostics?.().cacheBytes ?? null";

/**
 * Distinct grey levels on a viewport's canvas (every 7th pixel): the stack opens on slice 1,
 * air above the head (black in the brain window), so the check looks at a slice further in.
 */
export const greyLevels = (viewport: string): string => `(() => {
  const canvas = document.querySelector('[data-viewport="${viewport}"] canvas');
  const context = canvas?.getContext("2d");
  if (!context || canvas.width === 0 || canvas.height === 0) return 0;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const levels = new Set();
  for (let i = 0; i < data.length; i += 4 * 7) levels.add(data[i]);
  return levels.size;
})()`;

/** Moves viewport 0 to its middle slice, as the mouse wheel would. */
export const SCROLL_TO_MIDDLE = `(() => {
  const count = Number(document.querySelector('[data-viewport="stack-0"]')?.dataset.imageCount ?? 0);
  window.teleradioViewer?.scrollBy(Math.floor(count / 2));
})()`;
