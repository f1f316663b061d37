"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * A <dialog> shown as modal while its component is mounted (focus trapped, Escape closes it,
 * the page behind inert), and closed when it unmounts. The help panels of the viewer and of the
 * worklist open this way.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return dialog;
}
