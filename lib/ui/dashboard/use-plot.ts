"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

// Observable Plot draws plain SVG/HTML elements: each chart appends its figure into a div it
// owns and removes it on cleanup, redrawing when its data or the available width change.

/** Width steps in pixels: a resize redraws at most once per step. */
const WIDTH_STEP = 16;

/**
 * `build` receives the container's width and returns the figure (or null for nothing to
 * draw). Pass a memoized callback (useCallback): a new `build` means a redraw.
 */
export function usePlot(build: (width: number) => Element | null): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const measure = (next: number) => setWidth(Math.max(WIDTH_STEP, Math.floor(next / WIDTH_STEP) * WIDTH_STEP));
    measure(container.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const container = ref.current;
    if (!container || width === 0) return;
    const figure = build(width);
    if (!figure) return;
    unnameMarkGroups(figure);
    container.append(figure);
    return () => figure.remove();
  }, [build, width]);

  return ref;
}

/**
 * Observable Plot names each mark's group after its kind ("line", "rule"): a screen reader
 * would announce "line" and nothing more, and a name on an SVG group with no role is a
 * prohibited ARIA attribute (axe: aria-prohibited-attr, serious). What the marks mean is in
 * the figure's caption and in each datum's title, which stay.
 */
function unnameMarkGroups(figure: Element): void {
  for (const group of figure.querySelectorAll("g[aria-label]:not([role])")) group.removeAttribute("aria-label");
}
