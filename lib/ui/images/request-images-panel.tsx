"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalDateTime } from "../local-date-time";
import type { StudySummary } from "@/lib/server/imaging/studies/list-request-images";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { DicomUpload } from "./dicom-upload";

/** The images of a request: accession numbers, linked studies with their series, and for the site's staff upload, linking and completion. */
export function RequestImagesPanel({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.images.forRequest.queryOptions({ requestId }));
  if (query.error) return <p className="form-error">{errorMessage(query.error, t)}</p>;
  const images = query.data;
  if (!images) return <p className="muted">{t("app.loading")}</p>;

  return (
    <div data-testid="request-images">
      <dl className="facts">
        <dt>{t("images.accession")}</dt>
        <dd data-testid="accession-number">{images.accessionNumber}</dd>
        {images.siteAccessionNumber && (
          <>
            <dt>{t("images.siteAccession")}</dt>
            <dd>{images.siteAccessionNumber}</dd>
          </>
        )}
      </dl>
      {images.studies.length === 0 && <p className="muted">{t("images.none")}</p>}
      {/* Seeing a request is not viewing its images (lib/domain/image-access.ts): the link only shows when the viewer would open. */}
      {images.canView && images.studies.some((study) => study.linkState === "LINKED") && (
        <p>
          <Link className="button-like" href={`/requests/${requestId}/viewer`} data-testid="open-viewer">
            {t("images.openViewer")}
          </Link>
        </p>
      )}
      {images.studies.map((study) => (
        <StudyCard key={study.id} study={study} requestId={requestId} canManage={images.canManage} />
      ))}
      {images.canManage && (
        <>
          <h3>{t("images.upload.title")}</h3>
          <DicomUpload />
          {images.unlinked && images.unlinked.length > 0 && (
            <>
              <h3>{t("images.unlinked")}</h3>
              {images.unlinked.map((study) => (
                <StudyCard key={study.id} study={study} requestId={requestId} canManage unlinked />
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}

function StudyCard(props: { study: StudySummary; requestId: string; canManage: boolean; unlinked?: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.pathKey() });
  const link = useMutation(trpc.images.link.mutationOptions({ onSuccess: refresh }));
  const complete = useMutation(trpc.images.markComplete.mutationOptions({ onSuccess: refresh }));
  const { study } = props;
  const pending = study.linkState === "NEEDS_CONFIRMATION";
  // A manual link whose identity differs comes back pending; the reason is asked for then.
  const needsReason = pending;
  const error = link.error ?? complete.error;

  return (
    <section className="study-card panel" data-testid="study-card" data-link-state={study.linkState ?? "UNLINKED"}>
      <h4>
        {study.description ?? t("images.study")} · {study.patientName.replaceAll("^", " ")} · {study.studyDate ?? ""}
      </h4>
      <p data-testid="study-instances">
        {t("images.instances", { count: study.instanceCount })} ·{" "}
        {study.imagesCompleteAt ? (
          <span data-testid="study-complete">{t("images.complete")}</span>
        ) : (
          <span>{withTime(t("images.arriving", {}), <LocalDateTime date={study.lastInstanceAt} part="time" />)}</span>
        )}
      </p>
      <ul className="series-strip">
        {study.series.map((series) => (
          <li key={series.seriesInstanceUid} data-testid="series">
            {/* Without the right to view the images, a thumbnail would be a broken image (403): the list says what was sent. */}
            {study.viewable && (
              <img src={`/dicomweb/studies/${study.studyInstanceUid}/series/${series.seriesInstanceUid}/thumbnail`} alt={series.description ?? series.modality} width={96} height={96} loading="lazy" />
            )}
            <div>
              {series.modality} {series.number ?? ""} · {series.description ?? ""} · {t("images.instances", { count: series.instanceCount })}
            </div>
          </li>
        ))}
      </ul>
      {pending && (
        <div className="warning" role="alert" data-testid="identity-mismatch">
          {t("images.mismatch")}
          <ul>
            {study.linkMismatch.map((m) => (
              <li key={m.field}>
                {t(`images.fields.${m.field}`)} : {t("images.mismatchValues", { request: m.request, dicom: m.dicom || "—" })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.canManage && (
        <div className="actions">
          {(props.unlinked || pending) && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                link.mutate({ requestId: props.requestId, studyId: study.id, confirmation: needsReason ? reason : null });
              }}
            >
              {needsReason && (
                <label>
                  {t("images.confirmReason")} <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} data-testid="link-reason" />
                </label>
              )}
              <button type="submit" disabled={link.isPending}>
                {pending ? t("images.confirmLink") : t("images.linkHere")}
              </button>
            </form>
          )}
          {!props.unlinked && !pending && !study.imagesCompleteAt && (
            <button type="button" onClick={() => complete.mutate({ studyId: study.id })} disabled={complete.isPending}>
              {t("images.markComplete")}
            </button>
          )}
        </div>
      )}
      {error && <p className="form-error" role="alert">{errorMessage(error, t)}</p>}
    </section>
  );
}

/** A translated sentence with a {time} placeholder, the time being an element (local time). */
function withTime(template: string, time: ReactNode): ReactNode {
  const [before, after = ""] = template.split("{time}");
  return (
    <>
      {before}
      {time}
      {after}
    </>
  );
}
