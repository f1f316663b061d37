"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import { useTRPC } from "@/lib/trpc/react";

const AUTOSAVE_DELAY_MS = 800;

export type SaveState = { kind: "saved"; at: Date } | { kind: "dirty" } | { kind: "saving" } | { kind: "conflict" } | { kind: "error"; error: unknown };

/**
 * Autosave as you type: a save goes out 800 ms after the last keystroke, one at a time, from
 * the draft version last acknowledged by the server. A conflict stops autosaving until the
 * radiologist merges or reloads (the server never overwrites the other editor's save). While
 * another act changes the draft (a template switch) saves are held, not dropped: what is typed
 * meanwhile waits in `pending` and goes out from the version that act produced (`rebase`).
 */
export function useDraftAutosave(args: { requestId: string; draftId: string; initialVersion: number; initialSavedAt: Date; initialValues: ReportValues }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.reports.saveDraft.mutationOptions());
  const [state, setState] = useState<SaveState>({ kind: "saved", at: args.initialSavedAt });
  const version = useRef(args.initialVersion);
  // The values the server holds at `version`: the base of a three-way merge after a conflict.
  const acknowledged = useRef(args.initialValues);
  const pending = useRef<ReportValues | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflicted = useRef(false);
  const paused = useRef(false);
  const { mutateAsync } = save;

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    const values = pending.current;
    if (paused.current) return true;
    if (!values || conflicted.current) return !conflicted.current;
    pending.current = null;
    setState({ kind: "saving" });
    let ok = true;
    inFlight.current = mutateAsync({ requestId: args.requestId, draftId: args.draftId, draftVersion: version.current, values })
      .then((result) => {
        version.current = result.draftVersion;
        acknowledged.current = values;
        setState(pending.current ? { kind: "dirty" } : { kind: "saved", at: result.updatedAt });
      })
      .catch((error: unknown) => {
        ok = false;
        pending.current ??= values;
        const conflict = error instanceof TRPCClientError && (error.data as { appCode?: string } | undefined)?.appCode === "REPORT_CONFLICT";
        if (conflict) conflicted.current = true;
        setState(conflict ? { kind: "conflict" } : { kind: "error", error });
      })
      .finally(() => {
        inFlight.current = null;
      });
    await inFlight.current;
    return ok && !conflicted.current;
  }, [args.requestId, args.draftId, mutateAsync]);

  const schedule = useCallback(
    (values: ReportValues) => {
      pending.current = values;
      if (conflicted.current) return;
      setState({ kind: "dirty" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Saves wait (typing goes on) until `rebase` or `resume`: another act is changing the draft. */
  const pause = useCallback(() => {
    paused.current = true;
  }, []);

  /** That act failed: what was typed meanwhile goes out from the version we had. */
  const resume = useCallback(() => {
    paused.current = false;
    if (pending.current) void flush();
  }, [flush]);

  const saving = useCallback(() => inFlight.current !== null, []);

  /** After a merge, a reload or an adopted server copy: continue from the server's version with these values. */
  const rebase = useCallback(
    (serverVersion: number, serverValues: ReportValues, values: ReportValues | null) => {
      paused.current = false;
      conflicted.current = false;
      version.current = serverVersion;
      acknowledged.current = serverValues;
      pending.current = values;
      if (values) void flush();
      else setState({ kind: "saved", at: new Date() });
    },
    [flush],
  );

  // Leaving the page (to the viewer, say) sends what was typed in the last 800 ms.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(() => () => void flushRef.current(), []);
  return { state, schedule, flush, rebase, pause, resume, saving, version, acknowledged };
}
