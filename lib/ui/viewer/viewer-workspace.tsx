"use client";

import { useCallback, useRef, useState } from "react";
import "./viewer.css";
import type { ViewerOpening } from "@/lib/domain/viewer-opening";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { reasonText } from "@/lib/viewer/failure-text";
import { ClinicalPanel } from "./clinical-panel";
import { DocumentsPanel, type OpenedDocument } from "./documents-panel";
import { DocumentView } from "./document-view";
import { MeasurementsPanel } from "./measurements-panel";
import { PriorsPanel } from "./priors-panel";
import { SeriesPanel } from "./series-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import { useViewerService } from "./use-viewer-service";
import { ViewerToolbar } from "./viewer-toolbar";

const CLINICAL_OPEN_BY_DEFAULT = "(min-width: 1200px)";

export function ViewerWorkspace({ opening, dicomwebRoot }: { opening: ViewerOpening; dicomwebRoot: string | null }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  // Open by default where the right column has room beside the images; narrower, the images
  // come first and C (or the panel's title) opens it.
  const [clinicalOpen, setClinicalOpen] = useState(() => window.matchMedia(CLINICAL_OPEN_BY_DEFAULT).matches);
  const toggleClinical = useCallback(() => setClinicalOpen((open) => !open), []);
  const { service, snapshot, labels } = useViewerService(container, opening, dicomwebRoot, toggleClinical);
  const [document, setDocument] = useState<OpenedDocument | null>(null);
  const error = snapshot.error;
  const root = dicomwebRoot ?? "/dicomweb";

  return (
    <div className="viewer" data-testid="viewer" data-status={snapshot.status}>
      <ViewerToolbar service={service} snapshot={snapshot} />
      <div className="viewer-body">
        <aside className="viewer-side">
          <SeriesPanel service={service} studies={opening.studies} snapshot={snapshot} />
          <DocumentsPanel studies={opening.studies} onOpen={setDocument} />
          <PriorsPanel service={service} opening={opening} snapshot={snapshot} />
        </aside>
        <div className="viewer-stage">
          {error ? (
            <p className="form-error viewer-error" role="alert" data-testid="viewer-error">
              {error.status === 403 ? t("viewer.loadForbidden") : t("viewer.loadError", { message: error.message })}
            </p>
          ) : null}
          {snapshot.mprFailure ? (
            <p className="form-error viewer-error" role="alert" data-testid="mpr-error">
              {t("viewer.mprFailed", { reason: reasonText(snapshot.mprFailure, labels.failure) })}
            </p>
          ) : null}
          {document ? <DocumentView key={document.series.seriesInstanceUid} document={document} dicomwebRoot={root} onClose={() => setDocument(null)} /> : null}
          {opening.studies.length === 0 ? <p className="muted">{t("viewer.noImages")}</p> : null}
          <div ref={container} className="viewer-container" data-testid="viewer-container" />
        </div>
        <aside className="viewer-side viewer-side-right">
          <ClinicalPanel requestId={opening.requestId} open={clinicalOpen} onToggle={toggleClinical} />
          <MeasurementsPanel requestId={opening.requestId} measurements={snapshot.measurements} />
        </aside>
      </div>
      {snapshot.helpOpen ? <ShortcutsHelp onClose={() => service?.setHelpOpen(false)} /> : null}
    </div>
  );
}
