"use client";

import { useLayoutEffect, useRef } from "react";
import { canMove, type Direction } from "@/lib/domain/reports/template-editing/move-item";

/**
 * "Monter" / "Descendre" for one section or field, named after it for screen readers. At an
 * end the button stays focusable (aria-disabled) and does nothing, so that a keyboard user who
 * moved an item to the top keeps the focus there instead of losing it to the page.
 */
export function MoveButtons(props: { index: number; count: number; upLabel: string; downLabel: string; onMove: (direction: Direction) => void }) {
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const moved = useRef<Direction | null>(null);
  // React may re-insert the moved item's element, which drops the focus: it is put back on
  // the button pressed, once the item is at its new place.
  useLayoutEffect(() => {
    if (moved.current === null) return;
    (moved.current === "up" ? up : down).current?.focus();
    moved.current = null;
  }, [props.index]);
  const button = (direction: Direction) => {
    const enabled = canMove(props.count, props.index, direction);
    return (
      <button
        ref={direction === "up" ? up : down}
        type="button"
        className="secondary tpl-icon"
        aria-label={direction === "up" ? props.upLabel : props.downLabel}
        title={direction === "up" ? props.upLabel : props.downLabel}
        aria-disabled={!enabled || undefined}
        onClick={() => {
          if (!enabled) return;
          moved.current = direction;
          props.onMove(direction);
        }}
      >
        <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
      </button>
    );
  };
  return (
    <>
      {button("up")}
      {button("down")}
    </>
  );
}
