"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from "react";
import type { ViewerOpening } from "@/lib/domain/viewer-opening";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import { actionForKey, isWorkspaceAction, type WorkspaceAction } from "@/lib/viewer/shortcuts";
import { ViewerService } from "@/lib/viewer/viewer-service";
import { INITIAL_SNAPSHOT, type ViewerLabels, type ViewerSnapshot } from "@/lib/viewer/viewer-types";

declare global {
  interface Window {
    /** The mounted viewer, for the report hook and the end-to-end tests. */
    teleradioViewer?: ViewerService;
  }
}

function viewerLabels(t: Translate, locale: "fr" | "en"): ViewerLabels {
  const o = (key: string) => t(`viewer.overlay.${key}` as Parameters<Translate>[0]);
  const d = (key: string) => t(`viewer.directions.${key}` as Parameters<Translate>[0]);
  const f = (key: keyof ViewerLabels["failure"]) => t(`viewer.failure.${key}` as Parameters<Translate>[0]);
  return {
    overlay: { locale, years: o("years"), months: o("months"), slice: o("slice"), position: o("position"), thickness: o("thickness"), window: o("window"), zoom: o("zoom"), serverRendering: o("serverRendering") },
    directions: { L: d("L"), R: d("R"), A: d("A"), P: d("P"), H: d("H"), F: d("F") },
    failure: {
      title: f("title"),
      series: f("series"),
      image: f("image"),
      wholeSeries: f("wholeSeries"),
      reason: f("reason"),
      http404: f("http404"),
      http: f("http"),
      decode: f("decode"),
      truncated: f("truncated"),
      timeout: f("timeout"),
      emptySeries: f("emptySeries"),
      unknown: f("unknown"),
      retry: f("retry"),
    },
  };
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * Mounts a viewer service on the container element and releases it on unmount. The service
 * is created inside the effect, so React's development double-mount gets two independent
 * viewers, the first fully released.
 */
export function useViewerService(
  container: RefObject<HTMLDivElement | null>,
  opening: ViewerOpening,
  dicomwebRoot: string | null,
  /** Shortcuts for the page's panels (the clinical panel), which the viewer service does not handle. */
  onWorkspaceAction?: (action: WorkspaceAction) => void,
): { service: ViewerService | null; snapshot: ViewerSnapshot; labels: ViewerLabels } {
  const { t, locale } = useI18n();
  // Read at key time: a new callback must not re-create the viewer (the effect below).
  const workspaceAction = useRef(onWorkspaceAction);
  useEffect(() => {
    workspaceAction.current = onWorkspaceAction;
  });
  const labels = useMemo(() => viewerLabels(t, locale), [t, locale]);
  const [service, setService] = useState<ViewerService | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const viewer = new ViewerService(labels, dicomwebRoot ?? `${window.location.origin}/dicomweb`, { singlePartFrames: dicomwebRoot === null });
    window.teleradioViewer = viewer;
    setService(viewer);
    // A failed start (no WebGL, say) is reported by open(), which waits for it.
    viewer.attach(element).catch(() => undefined);
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const action = actionForKey(event);
      if (!action) return;
      event.preventDefault();
      if (isWorkspaceAction(action)) workspaceAction.current?.(action);
      else viewer.handleAction(action);
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      viewer.detach();
      if (window.teleradioViewer === viewer) delete window.teleradioViewer;
      setService(null);
    };
  }, [container, labels, dicomwebRoot]);

  useEffect(() => {
    if (service) void service.open({ studies: opening.studies, priors: opening.priors });
  }, [service, opening]);

  const snapshot = useSyncExternalStore(
    service?.store.subscribe ?? noSubscribe,
    service?.store.get ?? initial,
    initial,
  );
  return { service, snapshot, labels };
}

const noSubscribe = () => () => undefined;
const initial = () => INITIAL_SNAPSHOT;
