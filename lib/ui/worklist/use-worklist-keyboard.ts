"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { movedSelection, worklistActionForKey } from "@/lib/domain/worklist/worklist-keys";
import { keyTargetOf } from "./key-target";

// The row opened last, so that coming back to the worklist selects it again. Only an id, in
// the tab's sessionStorage: no patient data.
const LAST_OPENED = "worklist.lastOpened";

function rowElement(requestId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="worklist"] tr[data-request-id="${CSS.escape(requestId)}"]`);
}

/**
 * The worklist's keyboard: a roving selection over the rows (the selected row holds the focus,
 * so the browser shows it and scrolls to it), Enter opens, P claims and L release through the
 * row's own buttons (the same procedures, the same messages), ? opens the help. Listens on the
 * document so that the keys work as soon as the page is shown; never inside a field.
 */
export function useWorklistKeyboard(args: { rowIds: string[]; canClaim: boolean }) {
  const { rowIds, canClaim } = args;
  const router = useRouter();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  const select = useCallback((requestId: string) => {
    setSelectedId(requestId);
    rowElement(requestId)?.focus();
  }, []);

  // Back from a request: its row is selected again (when it is still on the list).
  useEffect(() => {
    const last = window.sessionStorage.getItem(LAST_OPENED);
    if (last && rowElement(last)) select(last);
    // Once, on arrival: later refetches must not steal the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rememberOpened = useCallback((requestId: string) => window.sessionStorage.setItem(LAST_OPENED, requestId), []);
  const open = useCallback(
    (requestId: string) => {
      rememberOpened(requestId);
      router.push(`/requests/${requestId}`);
    },
    [router, rememberOpened],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || helpOpen) return;
      const action = worklistActionForKey(
        { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target: keyTargetOf(event.target) },
        canClaim,
      );
      if (!action) return;
      const index = selectedId === null ? null : rowIds.indexOf(selectedId);
      const current = index === null || index < 0 ? null : index;
      switch (action.kind) {
        case "move":
        case "edge": {
          const next = movedSelection(current, action, rowIds.length);
          const id = next === null ? undefined : rowIds[next];
          if (id) select(id);
          break;
        }
        case "open":
          if (current !== null && selectedId) open(selectedId);
          else return;
          break;
        case "claim":
        case "release": {
          if (current === null || !selectedId) return;
          // The row's own button: same procedure, same pending state, same message on the row.
          rowElement(selectedId)?.querySelector<HTMLButtonElement>(`button[data-hold-action="${action.kind}"]:not(:disabled)`)?.click();
          break;
        }
        case "help":
          setHelpOpen(true);
          break;
        default: {
          const unreachable: never = action;
          return unreachable;
        }
      }
      // The arrows would also scroll the page, and Enter activate something else.
      event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [rowIds, selectedId, canClaim, helpOpen, open, select]);

  return { selectedId, setSelectedId, rememberOpened, helpOpen, setHelpOpen };
}
