// What the viewer bench runs inside the page. Scripts are strings: functions passed from tsx
// would carry its helpers (STACK.md). They read the viewer's own performance marks and the
// browser's resource timings; nothing here changes what the viewer does.

/**
 * Installed before any page script. Besides the viewer's marks, it records when each viewport
 * first rendered *an image*: Cornerstone's IMAGE_RENDERED events (listened to in the capture
 * phase, since they do not bubble) carry the viewport's status, "noData" or "loading" while
 * it only paints its black background.
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
  window.__benchRenderLog = [];
  document.addEventListener("CORNERSTONE_IMAGE_RENDERED", (event) => {
    const status = event.detail?.viewportStatus;
    if (window.__benchRenderLog.length < 30) window.__benchRenderLog.push([Math.round(performance.now()), status, event.target?.closest?.("[data-viewport]")?.dataset.viewport]);
    if (status === "noData" || status === "loading") return;
    const cell = event.target instanceof Element ? event.target.closest("[data-viewport]") : null;
    const name = cell?.dataset.viewport;
    if (name && window.__benchImageRenders[name] === undefined) {
      window.__benchImageRenders[name] = performance.now();
      settle();
    }
  }, true);
  window.__benchImageRender = (name) => when(() => window.__benchImageRenders[name]);
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

/** When viewport `name` (e.g. "stack-0") first rendered an image. */
export const waitForImageRender = (name: string): string => `window.__benchImageRender(${JSON.stringify(name)})`;

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
    renderLog: window.__benchRenderLog,
  });
})()`;

/** Where the time went up to the stack loaded: the viewer's marks and the resource timings. */
export interface LoadTimeline {
  /** Viewport 0's first render of an image (its first IMAGE_RENDERED with data). */
  firstImage: number | null;
  /** The viewer's own marks: viewer:first-image (its first IMAGE_RENDERED, image or not), viewer:stack-loaded. */
  firstImageMark: number | null;
  stackLoaded: number | null;
  /** The HTML's last byte (ms since navigation start). */
  htmlEnd: number | null;
  /** Last byte of the last script chunk fetched before the metadata request. */
  scriptsEnd: number | null;
  /** Script bytes fetched (compressed as sent) and how many of them came over the network. */
  scriptBytes: number;
  scriptTransferBytes: number;
  metadataStart: number | null;
  metadataEnd: number | null;
  firstFrameStart: number | null;
  firstFrameEnd: number | null;
  lastFrameEnd: number | null;
  frames: number;
  renders: number;
  imageCount: number;
  /** Distinct grey levels on viewport 0's canvas (sampled): a few means nothing was drawn. */
  greyLevels: number;
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
  const canvas = stack?.querySelector("canvas");
  const levels = new Set();
  const context = canvas?.getContext("2d");
  if (context && canvas.width > 0 && canvas.height > 0) {
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4 * 7) levels.add(data[i]);
  }
  const diagnostics = window.teleradioViewerDiagnostics?.() ?? null;
  return {
    firstImage: window.__benchImageRenders["stack-0"] ?? null,
    firstImageMark: mark("viewer:first-image"),
    stackLoaded: mark("viewer:stack-loaded"),
    htmlEnd: nav?.responseEnd ?? null,
    scriptsEnd: max(scripts.map((r) => r.responseEnd)),
    scriptBytes: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0),
    scriptTransferBytes: scripts.reduce((sum, r) => sum + r.transferSize, 0),
    metadataStart: metadata?.startTime ?? null,
    metadataEnd: metadata?.responseEnd ?? null,
    firstFrameStart: min(frames.map((r) => r.startTime)),
    firstFrameEnd: min(frames.map((r) => r.responseEnd)),
    lastFrameEnd: max(frames.map((r) => r.responseEnd)),
    frames: frames.length,
    renders: Number(stack?.dataset.renders ?? 0),
    imageCount: Number(stack?.dataset.imageCount ?? 0),
    greyLevels: levels.size,
    diagnostics: diagnostics && { cacheBytes: diagnostics.cacheBytes, decodeWorkers: diagnostics.decodeWorkers },
    errors: window.__benchErrors ?? [],
  };
})()`;

export const CACHE_BYTES = "window.teleradioViewerDiagnostics?.().cacheBytes ?? null";
