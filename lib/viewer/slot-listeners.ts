import { Enums } from "@cornerstonejs/core";
import { SERIES_DRAG_TYPE } from "./viewer-types";
import type { ViewportCell } from "./viewport-cell";

export interface SlotHandlers {
  rendered(): void;
  /** `imageId`, `image`: what Cornerstone just put in the viewport. */
  newImage(imageId: string, image: unknown): void;
  changed(): void;
  selected(): void;
  seriesDropped(studyInstanceUid: string, seriesInstanceUid: string): void;
}

/** Wires a viewport cell's Cornerstone and DOM events; returns what removes them. */
export function listenToCell(cell: ViewportCell, handlers: SlotHandlers): () => void {
  const element = cell.element;
  const onDragOver = (event: DragEvent) => event.preventDefault();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const [study, series] = (event.dataTransfer?.getData(SERIES_DRAG_TYPE) ?? "").split("|");
    if (study && series) handlers.seriesDropped(study, series);
  };
  const onNewImage = (event: Event) => {
    const { imageId, image } = (event as CustomEvent<{ imageId?: string; image?: unknown }>).detail;
    handlers.newImage(imageId ?? "", image);
  };
  const wiring: [EventTarget, string, EventListener][] = [
    [element, Enums.Events.IMAGE_RENDERED, handlers.rendered],
    [element, Enums.Events.STACK_NEW_IMAGE, onNewImage],
    [element, Enums.Events.VOI_MODIFIED, handlers.changed],
    [element, Enums.Events.CAMERA_MODIFIED, handlers.changed],
    [cell.root, "pointerdown", handlers.selected],
    [cell.root, "dragover", onDragOver as EventListener],
    [cell.root, "drop", onDrop as EventListener],
  ];
  for (const [target, name, listener] of wiring) target.addEventListener(name, listener);
  return () => {
    for (const [target, name, listener] of wiring) target.removeEventListener(name, listener);
  };
}
