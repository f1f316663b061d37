"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ContrastFinding } from "@/lib/domain/contrast-safety";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage, FieldError } from "./act-message";
import { ContrastFindings } from "./contrast-findings";
import { useActCallbacks } from "./use-act";

/**
 * The protocol: an item of the site's catalogue (its contrast choice preselected) and/or a
 * written protocol, with the contrast decision shown against the safety items. Injecting
 * despite a contraindication asks for the reason; the server checks it again.
 */
export function ProtocolForm({ requestId, findings }: { requestId: string; findings: ContrastFinding[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const options = useQuery(trpc.workflow.protocolOptions.queryOptions({ requestId }));
  const [itemId, setItemId] = useState("");
  const [text, setText] = useState("");
  const [contrast, setContrast] = useState(false);
  const [overrideReason, setOverrideReason] = useState("");
  const { feedback, callbacks } = useActCallbacks(requestId, "workflow.protocol.done");
  const mutation = useMutation(trpc.workflow.sendProtocol.mutationOptions(callbacks));
  const contraindicated = contrast && findings.some((finding) => finding.severity === "contraindication");

  function chooseItem(id: string) {
    setItemId(id);
    const item = options.data?.find((option) => option.id === id);
    if (item) setContrast(item.contrast);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({ requestId, protocolItemId: itemId || undefined, protocolText: text, contrast, contrastOverrideReason: contraindicated ? overrideReason : undefined });
  }

  return (
    <form onSubmit={onSubmit} data-testid="protocol-form" className="act-form">
      <h3>{t("workflow.protocol.title")}</h3>
      <label htmlFor="protocol-item">{t("workflow.protocol.catalogue")}</label>
      <select id="protocol-item" value={itemId} onChange={(e) => chooseItem(e.target.value)}>
        <option value="">{t("workflow.protocol.none")}</option>
        {options.data?.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label} ({option.modality}
            {option.contrast ? ` · ${t("workflow.protocol.withContrast")}` : ""})
          </option>
        ))}
      </select>
      <label htmlFor="protocol-text">{t("workflow.protocol.text")}</label>
      <textarea id="protocol-text" value={text} onChange={(e) => setText(e.target.value)} />
      <FieldError feedback={feedback} field="protocolText" />
      <label>
        <input type="checkbox" checked={contrast} onChange={(e) => setContrast(e.target.checked)} data-testid="protocol-contrast" /> {t("workflow.protocol.contrast")}
      </label>
      {contrast && <ContrastFindings findings={findings} />}
      {contraindicated && (
        <div>
          <label htmlFor="contrast-override">{t("workflow.protocol.overrideReason")}</label>
          <textarea id="contrast-override" value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} />
        </div>
      )}
      <button type="submit" disabled={mutation.isPending}>
        {t("workflow.protocol.submit")}
      </button>
      <ActMessage feedback={feedback} />
    </form>
  );
}
