"use client";

import type { ViewerSeries, ViewerStudy } from "@/lib/domain/viewer-opening";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { seriesTitle } from "@/lib/viewer/failure-text";
import { documentSeries } from "@/lib/viewer/hanging-protocol";

export interface OpenedDocument {
  studyInstanceUid: string;
  series: ViewerSeries;
}

/** The series that hold no image (reports, PDFs, ECGs, plans): listed to open, never hung as images. */
export function DocumentsPanel({ studies, onOpen }: { studies: ViewerStudy[]; onOpen: (document: OpenedDocument) => void }) {
  const { t } = useI18n();
  const documents = studies.flatMap((study) => documentSeries(study.series).map((series) => ({ studyInstanceUid: study.studyInstanceUid, series })));
  if (documents.length === 0) return null;
  return (
    <section className="viewer-panel" aria-label={t("viewer.documents")} data-testid="documents-panel">
      <h2>{t("viewer.documents")}</h2>
      <ul className="document-list">
        {documents.map((document) => (
          <li key={document.series.seriesInstanceUid} className="document-item" data-testid="document-series" data-series-uid={document.series.seriesInstanceUid} data-content={document.series.content}>
            <strong>{t(`viewer.documentKinds.${document.series.content}` as Parameters<typeof t>[0])}</strong>
            <span>{seriesTitle(document.series) || document.series.seriesInstanceUid}</span>
            <span className="muted">{t("viewer.documentInstances", { count: document.series.instanceCount })}</span>
            <span className="actions">
              <button type="button" data-testid="open-document" onClick={() => onOpen(document)}>
                {t("viewer.openDocument")}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
