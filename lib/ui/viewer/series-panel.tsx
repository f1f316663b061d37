"use client";

import type { ViewerStudy } from "@/lib/domain/viewer-opening";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { orderSeriesForReading } from "@/lib/viewer/hanging-protocol";
import { formatDa } from "@/lib/viewer/overlay-text";
import type { ViewerService } from "@/lib/viewer/viewer-service";
import { SERIES_DRAG_TYPE, type ViewerSnapshot } from "@/lib/viewer/viewer-types";

export function SeriesPanel({ service, studies, snapshot }: { service: ViewerService | null; studies: ViewerStudy[]; snapshot: ViewerSnapshot }) {
  const { t, locale } = useI18n();
  return (
    <section className="viewer-panel" aria-label={t("viewer.series")}>
      <h2>{t("viewer.series")}</h2>
      {studies.map((study) => (
        <div key={study.studyInstanceUid}>
          <p className="muted">
            {formatDa(study.studyDate, locale)} {study.description}
          </p>
          <ul className="series-list">
            {orderSeriesForReading(study.series).map((series) => {
              const shown = snapshot.viewports.some((v) => v.seriesInstanceUid === series.seriesInstanceUid);
              return (
                <li key={series.seriesInstanceUid}>
                  <button
                    type="button"
                    className={`series-thumb${shown ? " shown" : ""}`}
                    draggable
                    data-testid="series-thumbnail"
                    data-series-uid={series.seriesInstanceUid}
                    onDragStart={(e) => e.dataTransfer.setData(SERIES_DRAG_TYPE, `${study.studyInstanceUid}|${series.seriesInstanceUid}`)}
                    onClick={() => service?.placeSeries(study.studyInstanceUid, series.seriesInstanceUid)}
                  >
                    <img src={`/dicomweb/studies/${study.studyInstanceUid}/series/${series.seriesInstanceUid}/thumbnail`} alt="" width={72} height={72} loading="lazy" onError={(e) => (e.currentTarget.style.visibility = "hidden")} />
                    <span>
                      <strong>{series.description ?? (series.modality || series.seriesInstanceUid)}</strong>
                      <br />
                      {series.modality || "—"} · {t("viewer.seriesCount", { count: series.instanceCount })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
