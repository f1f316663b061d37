import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/domain/errors";
import type { ViewerOpening } from "@/lib/domain/viewer-opening";
import { getTranslator } from "@/lib/i18n/server-locale";
import type { MessageKey } from "@/lib/i18n/types";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getDb } from "@/lib/server/db/client";
import { getEnv } from "@/lib/server/env";
import { openViewer } from "@/lib/server/services/viewer/open-viewer";
import { ViewerScreen } from "@/lib/ui/viewer/viewer-screen";

export default async function ViewerPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ dicomweb?: string | string[] }> }) {
  const actor = await requireActor(["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD"]);
  const { id } = await props.params;
  const { dicomweb } = await props.searchParams;
  // Our own DICOMweb, unless a benchmark compares servers (see VIEWER_BENCH_DICOMWEB_ROOTS).
  const asked = typeof dicomweb === "string" ? dicomweb.replace(/\/+$/, "") : null;
  const foreignRoot = asked && getEnv().VIEWER_BENCH_DICOMWEB_ROOTS.includes(asked) ? asked : null;
  const { t } = await getTranslator();
  let opening: ViewerOpening;
  try {
    // Checks the actor may view this request's images, and audits the opening.
    opening = await openViewer({ db: getDb(), actor, requestId: id });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    // The opening's audit row could not be recorded: the patient's images are not shown.
    if (isAppError(error) && error.code === "AUDIT_UNAVAILABLE") {
      return (
        <div className="panel" role="alert" data-testid="viewer-audit-unavailable">
          <p>{t("errors.AUDIT_UNAVAILABLE")}</p>
          <Link href={`/requests/${id}`}>{t("viewer.backToRequest")}</Link>
        </div>
      );
    }
    if (isAppError(error) && error.code === "FORBIDDEN") {
      const reason = typeof error.details.reason === "string" ? error.details.reason : "NO_PART_IN_CARE";
      const holder = typeof error.details.holderName === "string" ? error.details.holderName : null;
      return (
        <div className="panel" role="alert" data-testid="viewer-forbidden" data-reason={reason}>
          <h1>{t("viewer.forbiddenTitle")}</h1>
          <p>{t(`viewer.refusal.${reason}` as MessageKey)}</p>
          {holder ? <p>{t("viewer.heldBy", { name: holder })}</p> : null}
          <Link href={`/requests/${id}`}>{t("viewer.backToRequest")}</Link>
        </div>
      );
    }
    throw error;
  }
  return (
    <>
      <p className="viewer-header">
        {/* No prefetch: while images load, the page's bandwidth and the server's CPU go to them. */}
        <Link href={`/requests/${id}`} prefetch={false}>
          {t("viewer.backToRequest")}
        </Link>{" "}
        <strong data-testid="viewer-patient">
          {opening.patient.familyName.toUpperCase()} {opening.patient.givenName}
        </strong>{" "}
        <span className="muted">{opening.accessionNumber}</span>
      </p>
      <ViewerScreen opening={opening} dicomwebRoot={foreignRoot} />
    </>
  );
}
