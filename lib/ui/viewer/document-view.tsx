"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { stringValue, TAGS, type DicomJsonDataset } from "@/lib/viewer/dicom-json";
import { fetchPart10, fetchSeriesMetadata, saveBlob } from "@/lib/viewer/document-fetch";
import { seriesTitle } from "@/lib/viewer/failure-text";
import type { OpenedDocument } from "./documents-panel";
import { PdfFrame } from "./pdf-frame";
import { SrTree } from "./sr-tree";

type Loaded = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; instances: DicomJsonDataset[] };

/**
 * A document series opened over the viewports: a structured report as its content tree, a PDF
 * in a frame, anything else (ECG, RT plan...) as a list to download. Each instance can be
 * downloaded as the DICOM file it is.
 */
export function DocumentView({ document, dicomwebRoot, onClose }: { document: OpenedDocument; dicomwebRoot: string; onClose: () => void }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { studyInstanceUid, series } = document;

  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ state: "loading" });
    fetchSeriesMetadata(dicomwebRoot, studyInstanceUid, series.seriesInstanceUid, abort.signal).then(
      (instances) => setLoaded({ state: "ready", instances }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ state: "error", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [dicomwebRoot, studyInstanceUid, series.seriesInstanceUid]);

  const title = `${t(`viewer.documentKinds.${series.content}` as Parameters<typeof t>[0])} — ${seriesTitle(series) || series.seriesInstanceUid}`;
  const download = (sopUid: string) => {
    setDownloadError(null);
    fetchPart10(dicomwebRoot, studyInstanceUid, series.seriesInstanceUid, sopUid).then(
      (blob) => saveBlob(blob, `${sopUid}.dcm`),
      (error: unknown) => setDownloadError(t("viewer.documentError", { message: error instanceof Error ? error.message : String(error) })),
    );
  };

  return (
    <section className="document-view" role="dialog" aria-label={title} data-testid="document-view" data-content={series.content}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={onClose} data-testid="close-document">
          {t("viewer.closeDocument")}
        </button>
      </header>
      <div className="document-body">
        {series.content !== "STRUCTURED_REPORT" && series.content !== "ENCAPSULATED_DOCUMENT" ? <p data-testid="download-only">{t("viewer.downloadOnly")}</p> : null}
        {loaded.state === "loading" ? <p className="muted">{t("viewer.documentLoading")}</p> : null}
        {loaded.state === "error" ? (
          <p className="form-error" role="alert" data-testid="document-error">
            {t("viewer.documentError", { message: loaded.message })}
          </p>
        ) : null}
        {downloadError ? (
          <p className="form-error" role="alert" data-testid="download-error">
            {downloadError}
          </p>
        ) : null}
        {loaded.state === "ready"
          ? loaded.instances.map((instance, i) => {
              const sopUid = stringValue(instance, TAGS.sopInstanceUid) ?? "";
              return (
                <article key={sopUid || i} data-testid="document-instance">
                  {series.content === "STRUCTURED_REPORT" ? <SrTree dataset={instance} /> : null}
                  {series.content === "ENCAPSULATED_DOCUMENT" ? <PdfFrame dicomwebRoot={dicomwebRoot} studyUid={studyInstanceUid} seriesUid={series.seriesInstanceUid} sopUid={sopUid} title={title} /> : null}
                  <p>
                    <button type="button" data-testid="download-document" onClick={() => download(sopUid)} disabled={!sopUid}>
                      {t("viewer.download")}
                    </button>{" "}
                    <span className="muted">{sopUid}</span>
                  </p>
                </article>
              );
            })
          : null}
      </div>
    </section>
  );
}
