"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage, failureHidesContent, isForbiddenError } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { CriticalFindingItem } from "./critical-finding-item";
import { CriticalFlagForm } from "./critical-flag-form";

/**
 * A request's critical findings (the referrers' banner to acknowledge them is at the top of the
 * page: CriticalTopBanner): for the holder the form to flag one and, per finding, to record its
 * communications; for everyone who reads the report, each finding's loop. Changes arrive live
 * (`request.changed` refetches critical.*). Nothing shows for those who may not see findings,
 * nor while there is nothing to show or do.
 */
export function CriticalFindingsPanel(props: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.critical.forRequest.queryOptions({ requestId: props.requestId }, { retry: (failures, error) => !isForbiddenError(error) && failures < 1 }));
  const data = query.data;

  if (query.error && isForbiddenError(query.error)) return null;
  if (failureHidesContent(query)) return <p className="form-error">{errorMessage(query.error, t)}</p>;
  if (!data || (data.findings.length === 0 && !data.can.flag)) return null;

  const raised = data.findings.some((finding) => finding.state !== "acknowledged" && finding.category === "MINUTES");
  return (
    <section className="panel" style={{ marginTop: "1rem", borderColor: raised ? "var(--vital)" : undefined }} data-testid="critical-findings" aria-labelledby="critical-title">
      <h2 id="critical-title">{t("critical.title")}</h2>
      {data.findings.length === 0 ? (
        <p className="muted">{t("critical.none")}</p>
      ) : (
        <ol aria-live="polite" style={{ listStyle: "none", padding: 0, margin: "0.5rem 0", display: "grid", gap: "0.9rem" }}>
          {data.findings.map((finding) => (
            <CriticalFindingItem key={finding.id} requestId={props.requestId} finding={finding} contacts={data.contacts} />
          ))}
        </ol>
      )}
      {data.can.flag && <CriticalFlagForm requestId={props.requestId} ackMinutes={data.ackMinutes} />}
      <p className="muted" style={{ fontSize: "0.8rem", marginBottom: 0 }}>
        {t("critical.explanation")}
      </p>
    </section>
  );
}
