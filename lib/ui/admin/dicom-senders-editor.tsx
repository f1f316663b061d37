"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { admitsAnyAddress, parseAllowList } from "@/lib/domain/network/address-allow-list";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { DicomSenderDto } from "@/lib/server/services/senders/list-dicom-senders";
import { useTRPC } from "@/lib/trpc/react";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";

/** Every registered DICOM sender with the addresses it may connect from, editable one list at a time. */
export function DicomSendersEditor() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const senders = useQuery(trpc.senders.list.queryOptions());
  const { message, callbacks } = useSettingsFeedback("senders.saved", trpc.senders.list.queryKey());
  return (
    <section className="panel" data-testid="dicom-senders-editor">
      <h2>{t("senders.title")}</h2>
      <p className="muted">{t("senders.intro")}</p>
      {senders.data && senders.data.length === 0 && <p>{t("senders.none")}</p>}
      {senders.data && senders.data.length > 0 && (
        <table className="worklist">
          <thead>
            <tr>
              <th>{t("senders.site")}</th>
              <th>{t("senders.sender")}</th>
              <th>{t("senders.addresses")}</th>
            </tr>
          </thead>
          <tbody>
            {senders.data.map((sender) => (
              <SenderRow key={`${sender.id}-${sender.allowedNetworks.join(",")}`} sender={sender} callbacks={callbacks} />
            ))}
          </tbody>
        </table>
      )}
      <SettingsMessage message={message} testId="dicom-senders-message" />
    </section>
  );
}

function SenderRow(props: { sender: DicomSenderDto; callbacks: ReturnType<typeof useSettingsFeedback>["callbacks"] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const save = useMutation(trpc.senders.updateNetworks.mutationOptions(props.callbacks));
  const { sender } = props;
  const [text, setText] = useState(sender.allowedNetworks.join("\n"));
  const [problems, setProblems] = useState<string[]>([]);
  const entries = text.split(/[\n,;]+/);
  const parsed = parseAllowList(entries);

  function onSave(event: FormEvent) {
    event.preventDefault();
    // The same rule as the server, so that each wrong entry is named in the user's language.
    if (!parsed.ok) {
      setProblems(parsed.errors.map(({ entry, problem }) => t(`senders.problem.${problem.code}`, { entry, ...("max" in problem ? { max: problem.max } : {}), ...("range" in problem ? { range: problem.range } : {}) })));
      return;
    }
    setProblems([]);
    save.mutate({ senderId: sender.id, allowedNetworks: parsed.canonical });
  }

  const any = parsed.ok && admitsAnyAddress(parsed.canonical);
  const none = parsed.ok && parsed.canonical.length === 0;
  return (
    <tr data-testid="dicom-sender-row" data-sender={sender.aeTitle ?? sender.label}>
      <td>{sender.siteName}</td>
      <td>
        {sender.label}
        <div className="muted">
          {sender.kind === "AE_TITLE" ? t("senders.kind.AE_TITLE", { aeTitle: sender.aeTitle ?? "" }) : t("senders.kind.STOW_TOKEN")}
          {!sender.active && ` (${t("senders.inactive")})`}
        </div>
      </td>
      <td>
        <form onSubmit={onSave} style={{ display: "grid", gap: "0.35rem" }}>
          <textarea aria-label={`${t("senders.addresses")} ${sender.label}`} value={text} rows={Math.min(6, Math.max(2, entries.length))} spellCheck={false} onChange={(e) => setText(e.target.value)} />
          {any && <span className="form-error">{t("senders.anyAddress")}</span>}
          {none && <span className="form-error">{t("senders.noAddress")}</span>}
          {problems.map((problem) => (
            <span key={problem} className="form-error" role="alert">
              {problem}
            </span>
          ))}
          <div>
            <button type="submit" className="secondary" disabled={save.isPending}>
              {t("senders.save")}
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
