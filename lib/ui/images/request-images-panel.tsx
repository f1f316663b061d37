"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalDateTime } from "../local-date-time";
import type { StudySummary } from "@/lib/server/imaging/studies/study-summary";
import { errorMessage, failureHidesContent } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { DicomUpload } from "./dicom-upload";
import { formatDicomDate, formatPersonName } from "./dicom-identity-format";
import { IdentityMismatchTable } from "./identity-mismatch-table";
import { UnlinkedStudySearch } from "./unlinked-study-search";

/** The images of a request: accession numbers, linked studies with their series, and for the site's staff upload, the search for the study to link, and completion. */
export function RequestImagesPanel({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.images.forRequest.queryOptions({ requestId }));
  if (failureHidesContent(query)) return <p className="form-error">{errorMessage(query.error, t)}</p>;
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
          <UnlinkedStudySearch requestId={requestId} />
        </>
      )}
    </div>
  );
}

function StudyCard(props: { study: StudySummary; requestId: string; canManage: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.pathKey() });
  const link = useMutation(trpc.images.link.mutationOptions({ onSuccess: refresh }));
  const complete = useMutation(trpc.images.markComplete.mutationOptions({ onSuccess: refresh }));
  const { study } = props;
  // A link whose identity differs (by accession or from the search) waits here for a reason.
  const pending = study.linkState === "NEEDS_CONFIRMATION";
  const error = link.error ?? complete.error;

  return (
    <section id={`study-${study.id}`} className="study-card panel" data-testid="study-card" data-link-state={study.linkState ?? "UNLINKED"}>
      {/* The study's own identity, as received: the patient the images say they are. */}
      <h4>
        {study.description ?? t("images.study")} · <span data-testid="study-patient-name">{formatPersonName(study.patientName) || "—"}</span>
        {study.patientId ? ` · ${t("images.fields.sitePatientId")} ${study.patientId}` : ""} · {formatDicomDate(study.studyDate, locale)}
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
          <IdentityMismatchTable mismatches={study.linkMismatch} />
        </div>
      )}
      {props.canManage && (
        <div className="actions">
          {pending && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                link.mutate({ requestId: props.requestId, studyId: study.id, confirmation: reason });
              }}
            >
              <label>
                {t("images.confirmReason")} <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} data-testid="link-reason" />
              </label>
              <button type="submit" disabled={link.isPending}>
                {t("images.confirmLink")}
              </button>
            </form>
          )}
          {!pending && !study.imagesCompleteAt && (
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
