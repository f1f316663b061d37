"use client";

import { INDICATION_DECIDED, lastValidation, PROTOCOL_VALIDATED } from "@/lib/domain/workflow/prescription-validation";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { RequestDetail } from "@/lib/server/services/requests/get-request";
import { LocalDateTime } from "../local-date-time";
import { Fact, PrintRequestFacts } from "./print-request-facts";

/**
 * The radiographer's acquisition prescription on one A4 page: who, where, why, the safety
 * items, the validated protocol and who validated it. Hidden on screen; the request page
 * prints it instead of itself (print.css).
 */
export function PrescriptionPrintSheet({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  const steps = request.timeline.map((event) => ({ at: event.at, toStatus: event.toStatus, actorName: event.actor?.name ?? event.actorLabel }));
  const protocolBy = lastValidation(steps, PROTOCOL_VALIDATED);
  const indicationBy = lastValidation(steps, INDICATION_DECIDED);
  const { protocol } = request.workflow;
  const c = request.contrast;
  const notGiven = t("detail.notGiven");
  return (
    <section className="print-sheet" data-testid="prescription-sheet">
      <PrintRequestFacts request={request} title={t("print.sheetTitle")} />
      <h2>{t("form.clinicalContext")}</h2>
      <p className="print-text">{request.clinicalContext}</p>
      <h2>{t("form.clinicalQuestion")}</h2>
      <p className="print-text" data-testid="sheet-question">
        {request.clinicalQuestion}
      </p>
      {c && (
        <>
          <h2>{t("print.safety")}</h2>
          <dl className="facts" data-testid="sheet-safety">
            <Fact label={t("form.renalFunction")}>
              {c.renalFunction ? t(`renalFunction.${c.renalFunction}` as MessageKey) : notGiven}
              {c.egfr ? ` (${t("detail.egfr", { egfr: c.egfr })})` : ""}
            </Fact>
            <Fact label={t("form.contrastAllergy")}>{c.contrastAllergy ? t(`yesNoUnknown.${c.contrastAllergy}` as MessageKey) : notGiven}</Fact>
            <Fact label={t("form.pregnancy")}>{c.pregnancy ? t(`pregnancy.${c.pregnancy}` as MessageKey) : notGiven}</Fact>
            <Fact label={t("form.metformin")}>{c.metformin ? t(`yesNoUnknown.${c.metformin}` as MessageKey) : notGiven}</Fact>
          </dl>
        </>
      )}
      <h2>{t("print.protocol")}</h2>
      {protocol ? (
        <div className="print-protocol" data-testid="sheet-protocol">
          <p>
            <strong>{[protocol.label, protocol.text].filter(Boolean).join(" — ")}</strong>
          </p>
          <p>{protocol.contrast ? t("workflow.protocol.withContrast") : t("workflow.protocol.withoutContrast")}</p>
          {protocol.overrideReason && <p>{t("workflow.protocol.override", { reason: protocol.overrideReason })}</p>}
          {protocolBy && (
            <p data-testid="sheet-validated-by">
              {t("print.validatedBy", { name: protocolBy.by ?? notGiven })} · <LocalDateTime date={protocolBy.at} />
            </p>
          )}
        </div>
      ) : (
        <p>{t("print.noProtocol")}</p>
      )}
      {request.workflow.proposedExam && <p>{t("workflow.protocol.proposedExam", { exam: request.workflow.proposedExam })}</p>}
      {indicationBy && (
        <p>
          {t("print.indicationBy", { name: indicationBy.by ?? notGiven })} · <LocalDateTime date={indicationBy.at} />
        </p>
      )}
      <footer className="print-sheet-foot">
        <p>{t("print.footer")}</p>
      </footer>
    </section>
  );
}
