"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { isBackToWorklistKey } from "@/lib/domain/worklist/worklist-keys";
import { keyTargetOf } from "./key-target";

/** On a request's page: Backspace (outside any field) goes back to the worklist, whose row is selected again. */
export function BackToWorklistKey() {
  const router = useRouter();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      if (document.querySelector("dialog[open]")) return;
      const back = isBackToWorklistKey({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target: keyTargetOf(event.target) });
      if (!back) return;
      event.preventDefault();
      router.push("/worklist");
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router]);
  return null;
}
