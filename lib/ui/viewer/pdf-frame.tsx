"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { fetchPdf } from "@/lib/viewer/document-fetch";

/** An encapsulated PDF, fetched as application/pdf (cookie auth) and shown from a blob URL. */
export function PdfFrame({ dicomwebRoot, studyUid, seriesUid, sopUid, title }: { dicomwebRoot: string; studyUid: string; seriesUid: string; sopUid: string; title: string }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let created: string | null = null;
    fetchPdf(dicomwebRoot, studyUid, seriesUid, sopUid, abort.signal).then(
      (blob) => {
        created = URL.createObjectURL(blob);
        setUrl(created);
      },
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      abort.abort();
      if (created) URL.revokeObjectURL(created);
    };
  }, [dicomwebRoot, studyUid, seriesUid, sopUid]);

  if (error) return <p className="form-error" role="alert" data-testid="pdf-error">{t("viewer.documentError", { message: error })}</p>;
  if (!url) return <p className="muted">{t("viewer.documentLoading")}</p>;
  return <iframe src={url} title={t("viewer.pdfTitle", { title })} data-testid="pdf-frame" />;
}
