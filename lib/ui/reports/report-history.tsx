"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { reportDocumentText } from "@/lib/domain/reports/report-document";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import type { SignedReportVersionDto } from "@/lib/server/services/reports/report-dto";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { AcknowledgeReport } from "./acknowledge-report";
import { VersionDiff } from "./version-diff";

const TEXT_STYLE = { whiteSpace: "pre-wrap", margin: "0.25rem 0" } as const;
// Download links are buttons 44 px tall on small screens: their label is centred in that height.
const DOWNLOAD_STYLE = { display: "inline-flex", alignItems: "center" } as const;

/**
 * The signed versions of a request's report, oldest first: each with its text, signature,
 * fingerprint, PDF and delivery state; the requester confirms reading each one. With an
 * addendum, the history lists the versions and shows what each changed from the previous one.
 */
export function ReportHistory(props: { requestId: string; versions: SignedReportVersionDto[]; actorId: string; requesterId: string }) {
  const { t } = useI18n();
  const { versions } = props;
  const isRequester = props.actorId === props.requesterId;
  useRecordFirstOpening(props.requestId, isRequester ? unopenedFor(versions, props.actorId) : []);
  // The diff shown: a version against the one before it; the latest by default.
  const [comparedId, setComparedId] = useState<string | null>(null);
  const comparedIndex = Math.max(1, comparedId ? versions.findIndex((v) => v.id === comparedId) : versions.length - 1);
  const compared = versions[comparedIndex];
  const previous = versions[comparedIndex - 1];

  return (
    <section data-testid="report-history">
      {versions.map((version) => (
        <SignedVersion key={version.id} requestId={props.requestId} version={version} canAcknowledge={isRequester && version.delivery?.recipient.id === props.actorId} />
      ))}
      {versions.length >= 2 && compared && previous && (
        <section className="panel" style={{ marginTop: "1rem" }} data-testid="report-versions">
          <h3 style={{ marginTop: 0 }}>{t("portal.history.list")}</h3>
          <ol style={{ paddingLeft: "1.2rem" }}>
            {versions.map((version, index) => (
              <li key={version.id} style={{ margin: "0.3rem 0" }}>
                <a href={`#report-version-${version.id}`}>{versionTitle(version, t)}</a> — {t("portal.history.signedBy", { name: version.signer.name })}{" "}
                <LocalDateTime date={version.signedAt} />{" "}
                {index > 0 && (
                  <button type="button" className="secondary" aria-pressed={version.id === compared.id} onClick={() => setComparedId(version.id)}>
                    {version.id === compared.id ? t("portal.history.comparing") : t("portal.history.compare")}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <VersionDiff
            before={diffText(previous)}
            after={diffText(compared)}
            title={t("portal.history.diffTitle", { from: versionTitle(previous, t), to: versionTitle(compared, t) })}
          />
        </section>
      )}
    </section>
  );
}

function SignedVersion(props: { requestId: string; version: SignedReportVersionDto; canAcknowledge: boolean }) {
  const { t } = useI18n();
  const { version } = props;
  // The conclusion once, under its heading; the teleradiology statement after it.
  const text = reportDocumentText(version.narrative, version.conclusion);
  return (
    <article className="panel" id={`report-version-${version.id}`} data-testid="report-version" data-kind={version.kind} style={{ marginBottom: "1rem" }}>
      {/* The panel's heading already says "Compte rendu": the original is titled by its exam. */}
      <h3 style={{ marginTop: 0 }} data-testid="report-version-title">
        {version.kind === "ADDENDUM" ? `${versionTitle(version, t)} · ${version.examTitle}` : version.examTitle}
      </h3>
      <div data-testid="report-narrative" style={TEXT_STYLE}>
        {text.body}
      </div>
      <h4 style={{ marginBottom: 0 }}>{t("portal.history.conclusion")}</h4>
      <div data-testid="report-conclusion" style={{ ...TEXT_STYLE, fontWeight: 600 }}>
        {text.conclusion}
      </div>
      {text.statement && (
        <p className="muted" data-testid="report-statement" style={{ fontStyle: "italic", fontSize: "0.9rem" }}>
          {text.statement}
        </p>
      )}
      <p data-testid="report-signature">
        {t("portal.history.signedBy", { name: version.signer.name })} <LocalDateTime date={version.signedAt} />
      </p>
      <p style={{ fontSize: "0.85rem" }}>
        {t("portal.history.fingerprint")} :{" "}
        <code data-testid="report-fingerprint" style={{ fontFamily: "ui-monospace, monospace", wordBreak: "break-all" }}>
          {version.fingerprint}
        </code>
      </p>
      <p style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
        <a className="button secondary" href={`/api/reports/${version.id}/pdf`} download data-testid="report-pdf" style={DOWNLOAD_STYLE}>
          {t("portal.history.pdf")}
        </a>
        {/* The CDA R2 document the site's RIS files in the patient's shared record (DMP). */}
        <a className="button secondary" href={`/api/reports/${version.id}/cda`} download data-testid="report-cda" style={DOWNLOAD_STYLE}>
          {t("portal.history.cda")}
        </a>
      </p>
      <DeliveryState requestId={props.requestId} version={version} canAcknowledge={props.canAcknowledge} />
    </article>
  );
}

function DeliveryState(props: { requestId: string; version: SignedReportVersionDto; canAcknowledge: boolean }) {
  const { t } = useI18n();
  const { delivery } = props.version;
  if (!delivery) {
    return (
      <p className="muted" data-testid="report-delivery">
        {t("portal.history.notDelivered")}
      </p>
    );
  }
  return (
    <ul data-testid="report-delivery" data-opened={delivery.firstOpenedAt !== null} data-acknowledged={delivery.acknowledgedAt !== null} style={{ listStyle: "none", padding: 0, margin: 0, fontSize: "0.9rem" }}>
      <li>
        {t("portal.history.delivered", { name: delivery.recipient.name })} <LocalDateTime date={delivery.deliveredAt} />
      </li>
      <li>
        {delivery.firstOpenedAt ? (
          <>
            {t("portal.history.openedAt")} <LocalDateTime date={delivery.firstOpenedAt} />
          </>
        ) : (
          <span className="muted">{t("portal.history.notOpened")}</span>
        )}
      </li>
      <li>
        {delivery.acknowledgedAt ? (
          <span className="notice">
            {t("portal.history.acknowledgedBy", { name: delivery.acknowledgedBy?.name ?? delivery.recipient.name })} <LocalDateTime date={delivery.acknowledgedAt} />
          </span>
        ) : (
          <>
            <span className="muted">{t("portal.history.notAcknowledged")}</span>{" "}
            {props.canAcknowledge && <AcknowledgeReport requestId={props.requestId} versionId={props.version.id} kind={props.version.kind} />}
          </>
        )}
      </li>
    </ul>
  );
}

function versionTitle(version: SignedReportVersionDto, t: Translate): string {
  if (version.kind === "ADDENDUM") return t("portal.history.addendum", { number: version.sequence });
  return version.template.purpose === "OPINION" ? t("portal.history.opinion") : t("portal.history.report");
}

/** What the diff compares: the whole readable text of a version. */
function diffText(version: SignedReportVersionDto): string {
  return `${version.narrative}\n${version.conclusion}`;
}

function unopenedFor(versions: readonly SignedReportVersionDto[], actorId: string): string[] {
  return versions.filter((v) => v.delivery && v.delivery.recipient.id === actorId && v.delivery.firstOpenedAt === null).map((v) => v.id);
}

/**
 * The requester has the report on screen: the server records the first opening of what was
 * not opened yet (once per version; an addendum arriving live is opened in its turn). The
 * server's conditional updates make a repeated call harmless; the ref spares the round trip.
 */
function useRecordFirstOpening(requestId: string, unopenedIds: readonly string[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sent = useRef(new Set<string>());
  const { mutate } = useMutation(
    trpc.portal.openReport.mutationOptions({
      onSuccess: (result) => {
        if (!result.recorded) return;
        void queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.portal.pathKey() });
      },
    }),
  );
  const key = unopenedIds.join(",");
  useEffect(() => {
    if (key === "" || sent.current.has(key)) return;
    sent.current.add(key);
    mutate({ requestId });
  }, [key, requestId, mutate]);
}
