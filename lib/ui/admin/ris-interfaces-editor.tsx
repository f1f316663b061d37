"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { RisInterfaceDto } from "@/lib/server/services/ris-interfaces/ris-interface-dto";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { TRPCClientError } from "@trpc/client";
import { EMPTY_RIS_INTERFACE, RisInterfaceForm, risInterfacePayload, type RisInterfaceFields } from "./ris-interface-form";
import { SettingsMessage } from "./settings-message";

type Feedback = { kind: "notice" | "error"; text: string } | null;

/** The sites' RIS interfaces: create one (with its service account), edit it, deactivate it. */
export function RisInterfacesEditor() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const interfaces = useQuery(trpc.risInterfaces.list.queryOptions());
  const sites = useQuery(trpc.settings.sites.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);

  const done = (key: MessageKey) => () => {
    setFeedback({ kind: "notice", text: t(key) });
    setFieldErrors({});
    setCreating(false);
    setEditing(null);
    void queryClient.invalidateQueries({ queryKey: trpc.risInterfaces.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
  };
  const failed = (error: unknown) => {
    const schemaErrors = Object.fromEntries(Object.entries(serverFieldErrors(error)).map(([field, key]) => [field, t(key as MessageKey)]));
    const errors = { ...schemaErrors, ...serviceFieldError(error, t) };
    setFieldErrors(errors);
    setFeedback(Object.keys(errors).length > 0 ? null : { kind: "error", text: errorMessage(error, t) });
  };
  const create = useMutation(trpc.risInterfaces.create.mutationOptions({ onSuccess: done("ris.created"), onError: failed }));
  const update = useMutation(trpc.risInterfaces.update.mutationOptions({ onSuccess: done("ris.saved"), onError: failed }));
  const start = () => {
    setFieldErrors({});
    setFeedback(null);
  };
  const siteList = sites.data?.sites ?? [];

  return (
    <section className="panel" data-testid="ris-interfaces-editor">
      <h2>{t("ris.title")}</h2>
      <p className="muted">{t("ris.intro")}</p>
      {!creating && (
        <button type="button" onClick={() => { setCreating(true); setEditing(null); start(); }} data-testid="ris-interface-new">
          {t("ris.add")}
        </button>
      )}
      {creating && (
        <RisInterfaceForm
          mode="create"
          initial={EMPTY_RIS_INTERFACE}
          sites={siteList}
          fieldErrors={fieldErrors}
          pending={create.isPending}
          onSubmit={(fields) => create.mutate({ siteId: fields.siteId, ...risInterfacePayload(fields) })}
          onCancel={() => setCreating(false)}
          testId="ris-interface-create-form"
        />
      )}
      <SettingsMessage message={feedback} testId="ris-interfaces-message" />
      {interfaces.data && interfaces.data.length === 0 && <p>{t("ris.none")}</p>}
      {interfaces.data && interfaces.data.length > 0 && (
        <ul className="ris-interface-list">
          {interfaces.data.map((row) =>
            editing === row.id ? (
              <li key={row.id}>
                <RisInterfaceForm
                  mode="edit"
                  initial={fieldsOf(row)}
                  sites={siteList}
                  fieldErrors={fieldErrors}
                  pending={update.isPending}
                  onSubmit={(fields) => update.mutate({ id: row.id, active: fields.active, ...risInterfacePayload(fields) })}
                  onCancel={() => setEditing(null)}
                  testId="ris-interface-edit-form"
                />
              </li>
            ) : (
              <RisInterfaceRow key={row.id} row={row} onEdit={() => { setEditing(row.id); setCreating(false); start(); }} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function RisInterfaceRow(props: { row: RisInterfaceDto; onEdit: () => void }) {
  const { t } = useI18n();
  const { row } = props;
  return (
    <li data-testid="ris-interface-row" data-label={row.label} className={row.active ? undefined : "muted"}>
      <div className="ris-interface-head">
        <strong>{row.label}</strong> · {row.siteName}
        {!row.active && ` (${t("ris.inactive")})`}
        <button type="button" className="secondary" onClick={props.onEdit}>
          {t("ris.edit")}
        </button>
      </div>
      <div className="muted small">
        MSH-3 {row.sendingApplication} · MSH-4 {row.sendingFacility} · {row.allowedNetworks.length > 0 ? row.allowedNetworks.join(", ") : "—"}
      </div>
      {row.admitsAnyAddress && <div className="form-error">{t("ris.anyAddress")}</div>}
      <div className="muted small" data-testid="ris-interface-outbound">
        {row.outboundHost ? t("ris.sendsTo", { address: `${row.outboundHost}:${row.outboundPort ?? ""} (MSH-5 ${row.receivingApplication ?? "—"}, MSH-6 ${row.receivingFacility ?? "—"})` }) : t("ris.noOutbound")}
      </div>
      <div className="muted small">{t("ris.serviceUser", { name: row.serviceUser.displayName })}</div>
    </li>
  );
}

function fieldsOf(row: RisInterfaceDto): RisInterfaceFields {
  return {
    siteId: row.siteId,
    label: row.label,
    sendingApplication: row.sendingApplication,
    sendingFacility: row.sendingFacility,
    allowedNetworksText: row.allowedNetworks.join("\n"),
    outboundHost: row.outboundHost ?? "",
    outboundPort: row.outboundPort === null ? "" : String(row.outboundPort),
    receivingApplication: row.receivingApplication ?? "",
    receivingFacility: row.receivingFacility ?? "",
    active: row.active,
  };
}

/** A service's BAD_INPUT naming a field (duplicate pair, wrong address entry), as a field error of the form. */
function serviceFieldError(error: unknown, t: ReturnType<typeof useI18n>["t"]): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { appCode?: string; details?: Record<string, unknown> | null } | undefined;
  const field = data?.details?.field;
  const problem = data?.details?.problem;
  if (data?.appCode !== "BAD_INPUT" || typeof field !== "string" || typeof problem !== "string") return {};
  if (field === "allowedNetworks") {
    // The DICOM senders' wording, which names the wrong entry.
    return { allowedNetworks: t(`senders.problem.${problem}` as MessageKey, { entry: String(data?.details?.entry ?? ""), max: "", range: "" }) };
  }
  return { [field]: t(`ris.validation.${problem}` as MessageKey) };
}
