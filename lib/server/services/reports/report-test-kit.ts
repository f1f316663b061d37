import type { ReportValues } from "@/lib/domain/reports/template-definition";
import { actorOf, type connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { claimRequest } from "../requests/claim-request";
import { submitRequest } from "../requests/submit-request";
import { ensureStarterTemplates } from "./ensure-starter-templates";
import { getReportPanel } from "./get-report-panel";
import { saveDraft } from "./save-draft";
import { startReading } from "./start-reading";

type TestDb = ReturnType<typeof connectTestDb>;

/**
 * A site, its referrer, a radiologist holding a télédiagnostic whose images are complete and
 * whose patient was informed: the point where reading starts. Earlier steps have their own
 * tests (workflow); here the status is set directly.
 */
export async function requestReadyToRead(db: TestDb, options: { informed?: boolean; injected?: boolean } = {}) {
  await ensureStarterTemplates(db);
  const site = await createSite(db);
  const otherSite = await createSite(db, "Autre site");
  const [referrer, radiologist, colleague, foreignRadiologist] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [otherSite.id] }).then((u) => actorOf(db, u.id)),
  ]);
  const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
  await claimRequest({ db, actor: radiologist, requestId });
  await db.readingRequest.update({
    where: { id: requestId },
    data: { status: "IMAGES_COMPLETE", patientInformedAt: options.informed === false ? null : new Date(), protocolText: options.injected ? "Angioscanner cérébral et des TSA" : "TDM cérébrale sans injection", contrastInjection: options.injected === true },
  });
  return { site, referrer, radiologist, colleague, foreignRadiologist, requestId };
}

/**
 * A request in reading with its draft, every required field filled (with `values` on top), so
 * that it can be signed. `prepare` runs before reading starts (to make the request the RIS's).
 */
export async function draftReadyToSign(db: TestDb, options: { injected?: boolean; values?: ReportValues; prepare?: (t: Awaited<ReturnType<typeof requestReadyToRead>>) => Promise<void> } = {}) {
  const t = await requestReadyToRead(db, options);
  await options.prepare?.(t);
  await startReading({ db, actor: t.radiologist, requestId: t.requestId });
  const panel = await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId });
  const draft = panel.draft!;
  const filled: ReportValues = { ...draft.values };
  for (const section of draft.definition.sections) {
    for (const field of section.fields) {
      if (!field.required || (filled[field.id] !== null && filled[field.id] !== "")) continue;
      filled[field.id] = field.kind === "text" ? `Texte ${field.id}` : field.kind === "choice" ? field.options[0]! : field.kind === "yesno" ? false : field.kind === "score" ? field.max : 12.5;
    }
  }
  Object.assign(filled, options.values);
  const saved = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: draft.id, draftVersion: draft.draftVersion, values: filled } });
  return { ...t, draft, values: filled, draftVersion: saved.draftVersion };
}
