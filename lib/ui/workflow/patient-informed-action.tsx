"use client";

import { useMutation } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage } from "./act-message";
import { useActCallbacks } from "./use-act";

/** The site's radiographer or requesting physician records that the patient was told the act is remote and did not object. */
export function PatientInformedAction({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { feedback, callbacks } = useActCallbacks(requestId, "workflow.patientInfo.done");
  const mutation = useMutation(trpc.workflow.recordPatientInformed.mutationOptions(callbacks));
  return (
    <div className="act-form">
      <button type="button" disabled={mutation.isPending} onClick={() => mutation.mutate({ requestId })} data-testid="record-patient-informed">
        {t("workflow.patientInfo.record")}
      </button>
      <ActMessage feedback={feedback} />
    </div>
  );
}
