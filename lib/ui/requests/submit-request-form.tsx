"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  MODALITIES,
  PREGNANCY_STATUSES,
  PRIORITIES,
  RENAL_FUNCTIONS,
  REQUEST_TYPES,
  SEXES,
  SUBSPECIALTIES,
  YES_NO_UNKNOWN,
} from "@/lib/domain/enums";
import { INS_STATUSES } from "@/lib/domain/identity/ins-status";
import { submitRequestSchema } from "@/lib/domain/submit-request-schema";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, isUnauthenticatedError, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { parseStringRecord, useKeptForm } from "../session/use-kept-form";
import { FormField, SelectControl } from "./form-field";
import { DateField } from "../date-field";
import { INITIAL_VALUES, newIdempotencyKey, toSubmitInput, type FormValues } from "./request-form-state";

export function SubmitRequestForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(INITIAL_VALUES);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // One key per filled-in form: a double click or a network retry re-sends the same key.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [restored, setRestored] = useState(false);
  // A session that ended while the form was being filled loses nothing: kept in the tab,
  // given back after signing in again (lib/ui/session).
  const kept = useKeptForm("request-new", values, parseStringRecord, (draft) => {
    setValues(draft);
    setRestored(true);
  });

  const submit = useMutation(
    trpc.requests.submit.mutationOptions({
      onSuccess: (result) => router.push(`/requests/${result.requestId}`),
      onError: (error) => {
        if (isUnauthenticatedError(error)) return kept.signInAgain();
        setErrors(serverFieldErrors(error));
        setFormError(errorMessage(error, t));
      },
    }),
  );

  const set = (name: string) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const err = (name: string) => errors[name];

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (submit.isPending) return;
    const parsed = submitRequestSchema.safeParse(toSubmitInput(values, idempotencyKey));
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".");
        next[path] ??= issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
      }
      setErrors(next);
      setFormError(t("form.hasErrors"));
      return;
    }
    setErrors({});
    setFormError(null);
    submit.mutate(parsed.data);
  }

  const text = (name: string, label: MessageKey, type = "text") => (
    <FormField name={name} label={label} error={err(name)}>
      <input id={name} name={name} type={type} value={values[name] ?? ""} aria-invalid={Boolean(err(name))} onChange={(e) => set(name)(e.target.value)} />
    </FormField>
  );
  const area = (name: string, label: MessageKey) => (
    <FormField name={name} label={label} error={err(name)} wide>
      <textarea id={name} name={name} value={values[name] ?? ""} aria-invalid={Boolean(err(name))} onChange={(e) => set(name)(e.target.value)} />
    </FormField>
  );
  const select = (name: string, label: MessageKey, options: readonly string[], prefix: string) => (
    <FormField name={name} label={label} error={err(name)}>
      <SelectControl
        name={name}
        value={values[name] ?? ""}
        options={options}
        optionLabel={(value) => t(`${prefix}.${value}` as MessageKey)}
        invalid={Boolean(err(name))}
        onChange={set(name)}
      />
    </FormField>
  );

  const teleexpertise = values.type === "TELEEXPERTISE";
  return (
    <form onSubmit={onSubmit} noValidate data-testid="submit-request-form">
      {restored && (
        <p className="notice" role="status" data-testid="form-restored">
          {t("session.restored")}
        </p>
      )}
      <fieldset>
        <legend>{t("form.sections.request")}</legend>
        <div className="grid">
          {select("type", "form.type", REQUEST_TYPES, "requestType")}
          {select("priority", "form.priority", PRIORITIES, "priority")}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.sections.patient")}</legend>
        <div className="grid">
          {text("patient.familyName", "form.familyName")}
          {text("patient.givenName", "form.givenName")}
          <FormField name="patient.birthDate" label="form.birthDate" error={err("patient.birthDate")}>
            <DateField id="patient.birthDate" value={values["patient.birthDate"] ?? ""} invalid={Boolean(err("patient.birthDate"))} autoComplete="bday" onChange={set("patient.birthDate")} />
          </FormField>
          {select("patient.sex", "form.sex", SEXES, "sex")}
          {text("patient.sitePatientId", "form.sitePatientId")}
          {text("patient.ins", "form.ins")}
          {select("patient.insStatus", "form.insStatus", INS_STATUSES, "insStatus")}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.sections.exam")}</legend>
        <div className="grid">
          {select("modality", "form.modality", MODALITIES, "modality")}
          {text("bodyRegion", "form.bodyRegion")}
          {text("siteAccessionNumber", "form.siteAccessionNumber")}
          {select("requiredSubspecialty", "form.requiredSubspecialty", SUBSPECIALTIES, "subspecialty")}
          {text("requestedTechnique", "form.requestedTechnique")}
          {text("desiredDelay", "form.desiredDelay")}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.sections.clinical")}</legend>
        <div className="grid">
          {area("clinicalContext", "form.clinicalContext")}
          {area("clinicalQuestion", "form.clinicalQuestion")}
          {area("priorResults", "form.priorResults")}
        </div>
      </fieldset>
      {teleexpertise ? (
        <fieldset>
          <legend>{t("form.sections.expert")}</legend>
          <div className="grid">{area("expertQuestion", "form.expertQuestion")}</div>
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t("form.sections.contrast")}</legend>
          <div className="grid">
            {select("contrast.renalFunction", "form.renalFunction", RENAL_FUNCTIONS, "renalFunction")}
            {text("contrast.egfr", "form.egfr", "number")}
            {select("contrast.contrastAllergy", "form.contrastAllergy", YES_NO_UNKNOWN, "yesNoUnknown")}
            {select("contrast.pregnancy", "form.pregnancy", PREGNANCY_STATUSES, "pregnancy")}
            {select("contrast.metformin", "form.metformin", YES_NO_UNKNOWN, "yesNoUnknown")}
            {area("otherContraindications", "form.otherContraindications")}
          </div>
        </fieldset>
      )}
      {!teleexpertise && (
        <fieldset>
          <legend>{t("workflow.patientInfo.title")}</legend>
          <label className="checkbox-line" style={{ display: "flex", gap: "0.5rem", alignItems: "flex-start" }}>
            <input
              id="patientInformed"
              name="patientInformed"
              type="checkbox"
              checked={values.patientInformed === "true"}
              onChange={(e) => set("patientInformed")(e.target.checked ? "true" : "")}
            />
            <span>{t("form.patientInformed")}</span>
          </label>
          <p className="muted" style={{ fontSize: "0.85rem", margin: "0.3rem 0 0" }}>
            {t("form.patientInformedHint")}
          </p>
        </fieldset>
      )}
      {formError && (
        <p className="form-error" role="alert" data-testid="form-error">
          {formError}
        </p>
      )}
      <button type="submit" disabled={submit.isPending}>
        {submit.isPending ? t("form.submitting") : t("form.submit")}
      </button>
    </form>
  );
}
