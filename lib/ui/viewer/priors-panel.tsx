"use client";

import type { ViewerOpening } from "@/lib/domain/viewer-opening";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatDa } from "@/lib/viewer/overlay-text";
import type { ViewerService } from "@/lib/viewer/viewer-service";
import type { ViewerSnapshot } from "@/lib/viewer/viewer-types";

/** The same patient's earlier studies in the territory, with how the identity was matched. */
export function PriorsPanel({ service, opening, snapshot }: { service: ViewerService | null; opening: ViewerOpening; snapshot: ViewerSnapshot }) {
  const { t, locale } = useI18n();
  return (
    <section className="viewer-panel" aria-label={t("viewer.priors")} data-testid="priors">
      <h2>{t("viewer.priors")}</h2>
      {!opening.identityQualified ? (
        <p className="viewer-warning" data-testid="identity-not-qualified">
          {t("viewer.identityNotQualified")}
        </p>
      ) : null}
      {opening.priors.length === 0 ? <p className="muted">{t("viewer.noPriors")}</p> : null}
      <ul className="priors-list">
        {opening.priors.map((prior) => (
          <li key={prior.studyInstanceUid} data-testid="prior" data-match={prior.match}>
            <strong>{formatDa(prior.studyDate, locale) ?? "—"}</strong> · {prior.siteName}
            <br />
            {prior.description ?? prior.series.map((s) => s.modality).join(", ")}
            <br />
            <small className={prior.match === "INS" ? "muted" : "viewer-warning"}>{prior.match === "INS" ? t("viewer.priorMatchIns") : t("viewer.priorMatchTraits")}</small>
            <br />
            <button type="button" className="secondary" data-testid="compare-prior" aria-pressed={snapshot.priorShown === prior.studyInstanceUid} onClick={() => void service?.openPrior(prior)}>
              {t("viewer.compare")}
            </button>
          </li>
        ))}
      </ul>
      {snapshot.priorShown ? (
        <label className="checkbox">
          <input type="checkbox" data-testid="link-scroll" checked={snapshot.scrollLinked} onChange={(e) => service?.setScrollLink(e.target.checked)} /> {t("viewer.linkScroll")}
        </label>
      ) : null}
    </section>
  );
}
