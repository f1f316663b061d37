"use client";

import { useMutation } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { CriticalFindingDto } from "@/lib/server/services/critical/critical-dto";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { ActMessage } from "../workflow/act-message";
import { useCriticalAct } from "./use-critical-act";

/**
 * For the site's referring physicians: one red banner per finding nobody has acknowledged yet,
 * with what it is and by when, and the button that closes the loop. The outcome stays shown
 * after the banner goes.
 */
export function CriticalAcknowledgeBanners(props: { requestId: string; findings: CriticalFindingDto[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const act = useCriticalAct(props.requestId);
  const acknowledge = useMutation(
    trpc.critical.acknowledge.mutationOptions({
      ...act.callbacks,
      onSuccess: (result) => act.notice(result.alreadyAcknowledged ? "critical.banner.already" : "critical.banner.done"),
    }),
  );
  const pending = props.findings.filter((finding) => finding.can.acknowledge);

  return (
    <>
      {pending.map((finding) => (
        <div
          key={finding.id}
          role="alert"
          data-testid="critical-banner"
          data-finding-id={finding.id}
          style={{ background: "var(--vital-bg)", border: "2px solid var(--vital)", borderRadius: 8, padding: "0.75rem 1rem", margin: "0.5rem 0" }}
        >
          <div style={{ display: "flex", gap: "0.5rem", alignItems: "baseline", flexWrap: "wrap" }}>
            <strong style={{ color: "var(--vital)", fontSize: "1.1rem" }}>{t("critical.banner.title")}</strong>
            <span className={`badge${finding.category === "MINUTES" ? " priority-VITAL" : ""}`}>{t(`critical.categories.${finding.category}`)}</span>
          </div>
          <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontWeight: 600, margin: "0.4rem 0" }}>{finding.description}</p>
          <p style={{ margin: "0 0 0.5rem", fontSize: "0.9rem" }}>
            {t("critical.banner.from", { name: finding.flaggedBy.name })} · <LocalDateTime date={finding.flaggedAt} />
            {finding.acknowledgeBy && (
              <>
                {" "}
                · {t("critical.banner.before")} <LocalDateTime date={finding.acknowledgeBy} />
              </>
            )}
          </p>
          <button
            type="button"
            data-testid="critical-acknowledge"
            style={{ background: "var(--vital)", borderColor: "var(--vital)" }}
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ findingId: finding.id })}
          >
            {acknowledge.isPending && acknowledge.variables.findingId === finding.id ? t("critical.banner.acknowledging") : t("critical.banner.acknowledge")}
          </button>
        </div>
      ))}
      <ActMessage feedback={act.feedback} testId="critical-acknowledge-message" />
    </>
  );
}
