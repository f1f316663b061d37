"use client";

import type { PresentViewer } from "@/lib/domain/presence";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { usePresenceWatch, useRequestsPresence } from "./use-presence";

/** Who is looking at a request: names with an eye; the reader is "you". Nothing when nobody. */
export function PresenceBadge(props: { viewers: readonly PresentViewer[]; actorId: string }) {
  const { t } = useI18n();
  if (props.viewers.length === 0) return null;
  const names = props.viewers.map((v) => (v.userId === props.actorId ? t("presence.you") : v.name));
  const detailed = props.viewers
    .map((v) => `${v.userId === props.actorId ? t("presence.you") : v.name} (${t(`roles.${v.role}` as MessageKey)})`)
    .join(", ");
  return (
    <span
      className="presence"
      data-testid="presence"
      title={t("presence.lookingNow", { names: detailed })}
      style={{ display: "inline-flex", alignItems: "center", gap: "0.3rem", fontSize: "0.85rem", color: "var(--accent)" }}
    >
      <EyeIcon />
      <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
        {t("presence.title")} :
      </span>
      {names.join(", ")}
    </span>
  );
}

/**
 * For the request page: declares that this tab looks at the request, and shows who else
 * does (the reader alone shows nothing).
 */
export function RequestPresence(props: { requestId: string; actorId: string }) {
  usePresenceWatch(props.requestId);
  const viewers = useRequestsPresence([props.requestId]).get(props.requestId) ?? [];
  if (!viewers.some((v) => v.userId !== props.actorId)) return null;
  return <PresenceBadge viewers={viewers} actorId={props.actorId} />;
}

function EyeIcon() {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}
