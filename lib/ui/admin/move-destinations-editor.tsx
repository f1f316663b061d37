"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import type { DestinationField, DestinationProblem, DestinationProblemCode } from "@/lib/domain/network/move-destination";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MoveDestinationDto } from "@/lib/server/services/move-destinations/list-move-destinations";
import { useTRPC } from "@/lib/trpc/react";
import { EMPTY_DESTINATION, MoveDestinationForm } from "./move-destination-form";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";

/** The problem a BAD_INPUT names (details.field, details.problem), shown at its field rather than in the panel's message. */
export function problemOf(error: unknown): DestinationProblem | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { field?: string; problem?: string } | null } | undefined)?.details;
  return details?.field && details.problem ? { field: details.field as DestinationField, code: details.problem as DestinationProblemCode } : null;
}

/** Each site's C-MOVE destinations: listed, added, edited, deactivated and reactivated. */
export function MoveDestinationsEditor() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const destinations = useQuery(trpc.moveDestinations.list.queryOptions());
  const sites = useQuery(trpc.settings.sites.queryOptions());
  const added = useSettingsFeedback("moveDestinations.created", trpc.moveDestinations.list.queryKey());
  const create = useMutation(trpc.moveDestinations.create.mutationOptions({ ...added.callbacks, onSuccess: () => {
    added.callbacks.onSuccess();
    setFormKey((key) => key + 1);
  } }));
  const [formKey, setFormKey] = useState(0);
  const createProblem = problemOf(create.error);
  return (
    <section className="panel" data-testid="move-destinations-editor" aria-labelledby="move-destinations-title">
      <h2 id="move-destinations-title">{t("moveDestinations.title")}</h2>
      <p className="muted">{t("moveDestinations.intro")}</p>
      {destinations.data && destinations.data.length === 0 && <p>{t("moveDestinations.none")}</p>}
      {destinations.data && destinations.data.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="move-destinations-title" tabIndex={0}>
          <table className="worklist">
            <thead>
              <tr>
                <th>{t("moveDestinations.site")}</th>
                <th>{t("moveDestinations.label")}</th>
                <th>{t("moveDestinations.aeTitle")}</th>
                <th>
                  {t("moveDestinations.host")}:{t("moveDestinations.port")}
                </th>
                <th>{t("moveDestinations.state")}</th>
                <th aria-label={t("moveDestinations.edit")} />
              </tr>
            </thead>
            <tbody>
              {destinations.data.map((destination) => (
                <DestinationRow key={`${destination.id}-${destination.active}-${destination.aeTitle}-${destination.host}-${destination.port}-${destination.label}`} destination={destination} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("moveDestinations.add")}</h3>
      <MoveDestinationForm
        key={formKey}
        initial={EMPTY_DESTINATION}
        sites={sites.data?.sites ?? []}
        serverProblem={createProblem}
        submitLabel={t("moveDestinations.create")}
        pending={create.isPending}
        onSubmit={(values) => create.mutate(values)}
        testId="move-destination-add"
      />
      <SettingsMessage message={createProblem ? null : added.message} testId="move-destinations-message" />
    </section>
  );
}

function DestinationRow({ destination }: { destination: MoveDestinationDto }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const feedback = useSettingsFeedback("moveDestinations.saved", trpc.moveDestinations.list.queryKey());
  const update = useMutation(trpc.moveDestinations.update.mutationOptions(feedback.callbacks));
  const problem = problemOf(update.error);
  const values = { label: destination.label, aeTitle: destination.aeTitle, host: destination.host, port: destination.port };
  return (
    <tr data-testid="move-destination-row" data-ae-title={destination.aeTitle}>
      {editing ? (
        <td colSpan={6}>
          <MoveDestinationForm
            initial={{ ...values, siteId: destination.siteId, port: String(destination.port) }}
            serverProblem={problem}
            submitLabel={t("moveDestinations.save")}
            pending={update.isPending}
            onSubmit={(edited) => update.mutate({ id: destination.id, label: edited.label, aeTitle: edited.aeTitle, host: edited.host, port: edited.port, active: destination.active })}
            onCancel={() => setEditing(false)}
            testId={`move-destination-edit-${destination.id}`}
          />
          <SettingsMessage message={problem ? null : feedback.message} testId="move-destination-row-message" />
        </td>
      ) : (
        <>
          <td>{destination.siteName}</td>
          <td>{destination.label}</td>
          <td>
            <code>{destination.aeTitle}</code>
          </td>
          <td>
            {destination.host}:{destination.port}
          </td>
          <td>{destination.active ? t("moveDestinations.active") : t("moveDestinations.inactive")}</td>
          <td>
            <div className="account-actions">
              <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`${t("moveDestinations.edit")} ${destination.aeTitle}`}>
                {t("moveDestinations.edit")}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={update.isPending}
                onClick={() => update.mutate({ id: destination.id, ...values, active: !destination.active })}
                aria-label={`${destination.active ? t("moveDestinations.deactivate") : t("moveDestinations.reactivate")} ${destination.aeTitle}`}
              >
                {destination.active ? t("moveDestinations.deactivate") : t("moveDestinations.reactivate")}
              </button>
            </div>
            <SettingsMessage message={feedback.message?.kind === "error" && !problem ? feedback.message : null} testId="move-destination-row-error" />
          </td>
        </>
      )}
    </tr>
  );
}
