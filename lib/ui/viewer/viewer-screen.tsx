"use client";

import dynamic from "next/dynamic";
import type { ViewerOpening } from "@/lib/domain/viewer-opening";
import { useI18n } from "@/lib/i18n/i18n-provider";

// Cornerstone touches window, WebGL and workers as soon as it is imported: the viewer is
// loaded in the browser only, never rendered on the server.
const ViewerWorkspace = dynamic(() => import("./viewer-workspace").then((m) => m.ViewerWorkspace), {
  ssr: false,
  loading: () => <LoadingNote />,
});

function LoadingNote() {
  const { t } = useI18n();
  return <p className="muted">{t("viewer.loading")}</p>;
}

/** `dicomwebRoot`: null for this server's own DICOMweb (the only source outside benchmarks). */
export function ViewerScreen({ opening, dicomwebRoot }: { opening: ViewerOpening; dicomwebRoot: string | null }) {
  return <ViewerWorkspace opening={opening} dicomwebRoot={dicomwebRoot} />;
}
