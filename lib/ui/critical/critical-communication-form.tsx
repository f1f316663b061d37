"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { COMMUNICATION_CHANNELS, type CommunicationChannel } from "@/lib/domain/enums";
import { RECIPIENT_NAME_MAX } from "@/lib/domain/reports/critical-findings";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { CriticalContactDto } from "@/lib/server/services/critical/critical-dto";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage, FieldError } from "../workflow/act-message";
import { useCriticalAct } from "./use-critical-act";

const OTHER = "";

/** "YYYY-MM-DDTHH:mm" in the browser's time zone, as a datetime-local input shows it. */
function localMinute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * One communication of a finding: to a physician of the site (or anyone, by name), by phone or
 * in the app, when (now by default), and whether they read it back — which acknowledges it.
 */
export function CriticalCommunicationForm(props: { requestId: string; findingId: string; contacts: CriticalContactDto[]; onRecorded: (acknowledged: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const first = props.contacts[0];
  const [contactId, setContactId] = useState(first?.id ?? OTHER);
  const [recipientName, setRecipientName] = useState(first?.name ?? "");
  const [channel, setChannel] = useState<CommunicationChannel>("PHONE");
  // The form opens on a click, in the browser: "now" is the reader's local time.
  const [at, setAt] = useState(() => localMinute(new Date()));
  const [readBack, setReadBack] = useState(false);
  const act = useCriticalAct(props.requestId);
  const record = useMutation(
    trpc.critical.recordCommunication.mutationOptions({
      ...act.callbacks,
      // The form closes: its owner says how it went.
      onSuccess: (result) => props.onRecorded(result.acknowledged),
    }),
  );

  function chooseContact(id: string) {
    setContactId(id);
    setRecipientName(props.contacts.find((contact) => contact.id === id)?.name ?? "");
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    const communicatedAt = at ? new Date(at) : undefined;
    record.mutate({ findingId: props.findingId, recipientName, recipientId: contactId || null, channel, communicatedAt, acknowledged: readBack });
  }

  const idOf = (field: string) => `critical-${props.findingId}-${field}`;
  return (
    <form onSubmit={onSubmit} className="act-form" data-testid="critical-communication-form">
      <h4 style={{ margin: 0 }}>{t("critical.communicate.title")}</h4>
      <div>
        <label htmlFor={idOf("contact")}>{t("critical.communicate.contact")}</label>
        <select id={idOf("contact")} value={contactId} onChange={(e) => chooseContact(e.target.value)}>
          {props.contacts.map((contact) => (
            <option key={contact.id} value={contact.id}>
              {contact.isRequester ? `${contact.name} (${t("critical.communicate.requester")})` : contact.name}
            </option>
          ))}
          <option value={OTHER}>{t("critical.communicate.otherContact")}</option>
        </select>
        <FieldError feedback={act.feedback} field="recipientId" />
      </div>
      {contactId === OTHER && (
        <div>
          <label htmlFor={idOf("name")}>{t("critical.communicate.recipientName")}</label>
          <input id={idOf("name")} data-testid="critical-recipient-name" value={recipientName} maxLength={RECIPIENT_NAME_MAX} onChange={(e) => setRecipientName(e.target.value)} />
          <FieldError feedback={act.feedback} field="recipientName" />
        </div>
      )}
      <fieldset className="choices">
        <legend>{t("critical.communicate.channel")}</legend>
        {COMMUNICATION_CHANNELS.map((value) => (
          <label key={value}>
            <input type="radio" name={idOf("channel")} value={value} checked={channel === value} onChange={() => setChannel(value)} /> {t(`critical.channels.${value}`)}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={idOf("at")}>{t("critical.communicate.at")}</label>
        <input id={idOf("at")} type="datetime-local" value={at} max={localMinute(new Date())} onChange={(e) => setAt(e.target.value)} />
        <FieldError feedback={act.feedback} field="communicatedAt" />
      </div>
      <label>
        <input type="checkbox" data-testid="critical-read-back" checked={readBack} onChange={(e) => setReadBack(e.target.checked)} style={{ width: "auto" }} /> {t("critical.communicate.readBack")}
      </label>
      <div style={{ display: "flex", gap: "0.5rem" }}>
        <button type="submit" data-testid="critical-communication-submit" disabled={record.isPending || recipientName.trim().length === 0}>
          {t("critical.communicate.submit")}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t("critical.communicate.cancel")}
        </button>
      </div>
      <ActMessage feedback={act.feedback} testId="critical-communication-message" />
    </form>
  );
}
