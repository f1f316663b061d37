"use client";

import { TRPCClientError } from "@trpc/client";
import { type ReactNode, useState } from "react";
import type { DestinationField, DestinationProblem, DestinationProblemCode } from "@/lib/domain/network/move-destination";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MoveDestinationDto } from "@/lib/server/services/move-destinations/list-move-destinations";
import { type DestinationFields, MoveDestinationForm } from "./move-destination-form";
import { SettingsMessage } from "./settings-message";

// The DICOM nodes a site's data goes to, listed, added, edited, deactivated and reactivated in
// /admin: the C-MOVE destinations and the PACS that receive the signed reports share this
// editor; each wraps it with its own procedures, labels and, for the reports, the formats.

export type DestinationValues = { siteId: string; label: string; aeTitle: string; host: string; port: number; sendPdf?: boolean; sendSr?: boolean };

interface Mutation<I> {
  mutate(input: I): void;
  isPending: boolean;
  error: unknown;
}

interface Feedback {
  message: { kind: "notice" | "error"; text: string } | null;
}

export interface DestinationsEditorProps<D extends MoveDestinationDto> {
  messages: "moveDestinations" | "reportDestinations";
  /** "move-destination" or "report-destination": the test ids of the panel, form, rows and messages. */
  testId: string;
  empty: DestinationFields;
  destinations: readonly D[] | undefined;
  sites: readonly { id: string; code: string; name: string }[];
  /** The create mutation, its feedback, and a key that changes when a creation succeeded (an empty form again). */
  create: Mutation<DestinationValues> & Feedback & { formKey: number };
  /** Each row's update mutation (a hook: called once per row). */
  useUpdate: () => Mutation<DestinationValues & { id: string; active: boolean }> & Feedback;
  /** Further columns, after host:port (the reports' formats). */
  extraHeaders?: ReactNode;
  extraCells?: (destination: D) => ReactNode;
  /** The form's values of a listed destination (the formats included for the reports'). */
  fieldsOf: (destination: D) => DestinationFields;
}

/** The problem a BAD_INPUT names (details.field, details.problem), shown at its field rather than in the panel's message. */
export function problemOf(error: unknown): DestinationProblem | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { field?: string; problem?: string } | null } | undefined)?.details;
  return details?.field && details.problem ? { field: details.field as DestinationField, code: details.problem as DestinationProblemCode } : null;
}

export function DestinationsEditor<D extends MoveDestinationDto>(props: DestinationsEditorProps<D>) {
  const { t } = useI18n();
  const { messages: m, testId } = props;
  const createProblem = problemOf(props.create.error);
  const columns = 6 + (props.extraHeaders ? 1 : 0);
  return (
    <section className="panel" data-testid={`${testId}s-editor`} aria-labelledby={`${testId}s-title`}>
      <h2 id={`${testId}s-title`}>{t(`${m}.title`)}</h2>
      <p className="muted">{t(`${m}.intro`)}</p>
      {props.destinations && props.destinations.length === 0 && <p>{t(`${m}.none`)}</p>}
      {props.destinations && props.destinations.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${testId}s-title`} tabIndex={0}>
          <table className="worklist">
            <thead>
              <tr>
                <th>{t(`${m}.site`)}</th>
                <th>{t(`${m}.label`)}</th>
                <th>{t(`${m}.aeTitle`)}</th>
                <th>
                  {t(`${m}.host`)}:{t(`${m}.port`)}
                </th>
                {props.extraHeaders}
                <th>{t(`${m}.state`)}</th>
                <th aria-label={t(`${m}.edit`)} />
              </tr>
            </thead>
            <tbody>
              {props.destinations.map((destination) => (
                <DestinationRow key={JSON.stringify(destination)} {...props} destination={destination} columns={columns} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t(`${m}.add`)}</h3>
      <MoveDestinationForm
        key={props.create.formKey}
        messages={m}
        initial={props.empty}
        sites={props.sites}
        serverProblem={createProblem}
        submitLabel={t(`${m}.create`)}
        pending={props.create.isPending}
        onSubmit={(values) => props.create.mutate(values)}
        testId={`${testId}-add`}
      />
      <SettingsMessage message={createProblem ? null : props.create.message} testId={`${testId}s-message`} />
    </section>
  );
}

function DestinationRow<D extends MoveDestinationDto>(props: DestinationsEditorProps<D> & { destination: D; columns: number }) {
  const { t } = useI18n();
  const { destination, messages: m, testId } = props;
  const [editing, setEditing] = useState(false);
  const update = props.useUpdate();
  const problem = problemOf(update.error);
  const fields = props.fieldsOf(destination);
  const values = { siteId: destination.siteId, label: destination.label, aeTitle: destination.aeTitle, host: destination.host, port: destination.port, sendPdf: fields.sendPdf, sendSr: fields.sendSr };
  return (
    <tr data-testid={`${testId}-row`} data-ae-title={destination.aeTitle}>
      {editing ? (
        <td colSpan={props.columns}>
          <MoveDestinationForm
            messages={m}
            initial={fields}
            serverProblem={problem}
            submitLabel={t(`${m}.save`)}
            pending={update.isPending}
            onSubmit={(edited) => update.mutate({ ...edited, id: destination.id, active: destination.active })}
            onCancel={() => setEditing(false)}
            testId={`${testId}-edit-${destination.id}`}
          />
          <SettingsMessage message={problem ? null : update.message} testId={`${testId}-row-message`} />
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
          {props.extraCells?.(destination)}
          <td>{destination.active ? t(`${m}.active`) : t(`${m}.inactive`)}</td>
          <td>
            <div className="account-actions">
              <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`${t(`${m}.edit`)} ${destination.aeTitle}`}>
                {t(`${m}.edit`)}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={update.isPending}
                onClick={() => update.mutate({ ...values, id: destination.id, active: !destination.active })}
                aria-label={`${destination.active ? t(`${m}.deactivate`) : t(`${m}.reactivate`)} ${destination.aeTitle}`}
              >
                {destination.active ? t(`${m}.deactivate`) : t(`${m}.reactivate`)}
              </button>
            </div>
            <SettingsMessage message={update.message?.kind === "error" && !problem ? update.message : null} testId={`${testId}-row-error`} />
          </td>
        </>
      )}
    </tr>
  );
}
