"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { SHIFT_ROLES, SUBSPECIALTIES, type Subspecialty } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { RotaOptionsDto } from "@/lib/server/services/rota/list-rota-options";
import type { ShiftDto } from "@/lib/server/services/rota/shift-dto";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { FieldMessage } from "./field-message";
import { RecurrenceFields } from "./recurrence-fields";
import { emptyShiftForm, repeatPatch, shiftFormFrom, toCreateInput, toUpdateInput, type ShiftFormState } from "./shift-form-state";

/** Creates a shift (or a recurring series), or edits/deletes the chosen one. */
export function ShiftForm(props: { options: RotaOptionsDto; today: string; editing: ShiftDto | null; onDone: (firstDay: string | null) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { editing } = props;
  const [state, setState] = useState<ShiftFormState>(() => (editing ? shiftFormFrom(editing) : emptyShiftForm(props.today)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  const patch = (change: Partial<ShiftFormState>) => setState((current) => ({ ...current, ...change }));

  const callbacks = {
    onError: (error: unknown) => {
      setMessage({ kind: "error", text: errorMessage(error, t) });
      setErrors(serverFieldErrors(error));
    },
    // The calendar, its coverage and "on call now" all change with a shift.
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.rota.pathKey() }),
  };
  const create = useMutation(trpc.rota.create.mutationOptions(callbacks));
  const update = useMutation(trpc.rota.update.mutationOptions(callbacks));
  const remove = useMutation(trpc.rota.delete.mutationOptions(callbacks));
  const pending = create.isPending || update.isPending || remove.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const firstDay = state.start.slice(0, 10);
    if (editing) {
      const parsed = toUpdateInput(editing.id, state);
      if (!parsed.ok) return setErrors(parsed.errors);
      setErrors({});
      update.mutate(parsed.value, { onSuccess: () => props.onDone(firstDay) });
    } else {
      const parsed = toCreateInput(state);
      if (!parsed.ok) return setErrors(parsed.errors);
      setErrors({});
      create.mutate(parsed.value, {
        onSuccess: (result) => {
          setMessage({ kind: "notice", text: t("rota.form.created", { count: result.shiftIds.length }) });
          props.onDone(firstDay);
        },
      });
    }
  }

  function onDelete(withFollowing: boolean) {
    if (!editing || !window.confirm(t("rota.form.confirmDelete"))) return;
    remove.mutate({ shiftId: editing.id, withFollowing }, { onSuccess: () => props.onDone(null) });
  }

  function chooseGroup(groupId: string) {
    const group = props.options.groups.find((g) => g.id === groupId);
    patch({ groupId, ...(group ? { siteIds: [...group.siteIds] } : {}) });
  }

  const toggleSite = (siteId: string) =>
    patch({ groupId: "", siteIds: state.siteIds.includes(siteId) ? state.siteIds.filter((id) => id !== siteId) : [...state.siteIds, siteId] });
  const toggleSubspecialty = (value: Subspecialty) =>
    patch({ subspecialties: state.subspecialties.includes(value) ? state.subspecialties.filter((s) => s !== value) : [...state.subspecialties, value] });

  const radiologist = props.options.radiologists.find((r) => r.id === state.radiologistId);
  const withoutPrivilege = radiologist
    ? props.options.sites.filter((site) => state.siteIds.includes(site.id) && !radiologist.readableSiteIds.includes(site.id)).map((site) => site.code)
    : [];

  return (
    <form onSubmit={onSubmit} className="panel act-form" data-testid="shift-form" noValidate>
      <h2 style={{ fontSize: "1rem", marginTop: 0 }}>{editing ? t("rota.form.editTitle") : t("rota.form.createTitle")}</h2>
      <label htmlFor="shift-radiologist">{t("rota.form.radiologist")}</label>
      <select id="shift-radiologist" value={state.radiologistId} onChange={(e) => patch({ radiologistId: e.target.value })}>
        <option value="">{t("form.choose")}</option>
        {props.options.radiologists.map((r) => (
          <option key={r.id} value={r.id}>
            {r.displayName}
          </option>
        ))}
      </select>
      <FieldMessage message={errors.radiologistId} />
      <label htmlFor="shift-start">{t("rota.form.start")}</label>
      <input id="shift-start" type="datetime-local" value={state.start} onChange={(e) => patch({ start: e.target.value })} />
      <FieldMessage message={errors.start} />
      <label htmlFor="shift-end">{t("rota.form.end")}</label>
      <input id="shift-end" type="datetime-local" value={state.end} onChange={(e) => patch({ end: e.target.value })} />
      <FieldMessage message={errors.end} />
      <label htmlFor="shift-group">{t("rota.form.group")}</label>
      <select id="shift-group" value={state.groupId} onChange={(e) => chooseGroup(e.target.value)}>
        <option value="">{t("rota.form.noGroup")}</option>
        {props.options.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <div role="group" aria-label={t("rota.form.sites")}>
        <span>{t("rota.form.sites")} : </span>
        {props.options.sites.map((site) => (
          <label key={site.id} style={{ marginRight: "0.6rem", whiteSpace: "nowrap" }} title={site.name}>
            <input type="checkbox" data-testid={`shift-site-${site.code}`} checked={state.siteIds.includes(site.id)} onChange={() => toggleSite(site.id)} /> {site.code}
          </label>
        ))}
      </div>
      <FieldMessage message={errors.siteIds} />
      {withoutPrivilege.length > 0 && <p className="muted">{t("rota.form.noPrivilege", { sites: withoutPrivilege.join(", ") })}</p>}
      <label htmlFor="shift-role">{t("rota.form.role")}</label>
      <select id="shift-role" value={state.role} onChange={(e) => patch({ role: e.target.value as ShiftFormState["role"] })}>
        {SHIFT_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`rota.role.${role}`)}
          </option>
        ))}
      </select>
      <div role="group" aria-label={t("rota.form.subspecialties")}>
        <span>{t("rota.form.subspecialties")} : </span>
        {SUBSPECIALTIES.map((value) => (
          <label key={value} style={{ marginRight: "0.6rem", whiteSpace: "nowrap" }}>
            <input type="checkbox" checked={state.subspecialties.includes(value)} onChange={() => toggleSubspecialty(value)} /> {t(`subspecialty.${value}`)}
          </label>
        ))}
      </div>
      {!editing && (
        <label>
          <input type="checkbox" id="shift-repeat" checked={state.repeat} onChange={(e) => patch(repeatPatch(state, e.target.checked))} /> {t("rota.form.repeat")}
        </label>
      )}
      {!editing && state.repeat && <RecurrenceFields state={state} errors={errors} onChange={patch} />}
      {editing?.seriesId && <p className="muted">{t("rota.form.series")}</p>}
      <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap", marginTop: "0.5rem" }}>
        <button type="submit" disabled={pending}>
          {editing ? t("rota.form.save") : t("rota.form.create")}
        </button>
        {editing && (
          <>
            <button type="button" className="secondary" onClick={() => props.onDone(null)}>
              {t("rota.form.cancel")}
            </button>
            <button type="button" className="danger" disabled={pending} onClick={() => onDelete(false)}>
              {t("rota.form.delete")}
            </button>
            {editing.seriesId && (
              <button type="button" className="danger" disabled={pending} onClick={() => onDelete(true)}>
                {t("rota.form.deleteFollowing")}
              </button>
            )}
          </>
        )}
      </div>
      {message && (
        <p className={message.kind === "error" ? "form-error" : "notice"} role="status" data-testid="shift-form-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
