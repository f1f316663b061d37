"use client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { RequestDetail } from "@/lib/server/services/requests/get-request";
import { LocalDateTime } from "../local-date-time";

// What the site's RIS sent beyond the form's fields (HL7 order, volet Téléradiologie), shown with
// the clinical information; only the items given. Then the post-exam information once received.

export function RisOrderDetails({ order }: { order: RequestDetail["order"] }) {
  const { t } = useI18n();
  const items = [
    ["detail.order.orderingProvider", order.orderingProvider],
    ["detail.order.otherContraindications", order.otherContraindications],
    ["detail.order.priorResults", order.priorResults],
    ["detail.order.requestedTechnique", order.requestedTechnique],
    ["detail.order.desiredDelay", order.desiredDelay],
  ] as const;
  const given = items.filter(([, value]) => value);
  if (order.source !== "HL7" && given.length === 0) return null;
  return (
    <dl className="facts" data-testid="ris-order-details">
      {order.source === "HL7" && (
        <>
          <dt>{t("detail.order.source")}</dt>
          <dd>{t("detail.order.fromRis")}</dd>
        </>
      )}
      {given.map(([key, value]) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{t(key)}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PostExamPanel({ postExam }: { postExam: RequestDetail["postExam"] }) {
  const { t } = useI18n();
  if (!postExam) return null;
  return (
    <section className="panel" style={{ marginTop: "1rem" }} data-testid="post-exam">
      <h2>{t("detail.postExam.title")}</h2>
      <dl className="facts">
        <dt>{t("detail.postExam.performedAt")}</dt>
        <dd>{postExam.examPerformedAt ? <LocalDateTime date={postExam.examPerformedAt} /> : t("detail.notGiven")}</dd>
        <dt>{t("detail.postExam.technique")}</dt>
        <dd style={{ whiteSpace: "pre-wrap" }}>{postExam.performedTechnique ?? t("detail.notGiven")}</dd>
        <dt>{t("detail.postExam.dose")}</dt>
        <dd style={{ whiteSpace: "pre-wrap" }}>{postExam.doseReport ?? t("detail.notGiven")}</dd>
        <dt>{t("detail.postExam.receivedAt")}</dt>
        <dd>
          <LocalDateTime date={postExam.receivedAt} />
        </dd>
      </dl>
    </section>
  );
}
