"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/react";
import { DestinationsEditor } from "./dicom-destinations-editor";
import { EMPTY_DESTINATION } from "./move-destination-form";
import { useSettingsFeedback } from "./use-settings-mutation";

/** Each site's C-MOVE destinations: listed, added, edited, deactivated and reactivated. */
export function MoveDestinationsEditor() {
  const trpc = useTRPC();
  const destinations = useQuery(trpc.moveDestinations.list.queryOptions());
  const sites = useQuery(trpc.settings.sites.queryOptions());
  const [formKey, setFormKey] = useState(0);
  const added = useSettingsFeedback("moveDestinations.created", trpc.moveDestinations.list.queryKey());
  const create = useMutation(
    trpc.moveDestinations.create.mutationOptions({
      ...added.callbacks,
      onSuccess: () => {
        added.callbacks.onSuccess();
        setFormKey((key) => key + 1);
      },
    }),
  );
  return (
    <DestinationsEditor
      messages="moveDestinations"
      testId="move-destination"
      empty={EMPTY_DESTINATION}
      destinations={destinations.data}
      sites={sites.data?.sites ?? []}
      create={{ mutate: ({ siteId, label, aeTitle, host, port }) => create.mutate({ siteId, label, aeTitle, host, port }), isPending: create.isPending, error: create.error, message: added.message, formKey }}
      useUpdate={function useUpdate() {
        const feedback = useSettingsFeedback("moveDestinations.saved", trpc.moveDestinations.list.queryKey());
        const update = useMutation(trpc.moveDestinations.update.mutationOptions(feedback.callbacks));
        return { mutate: ({ id, label, aeTitle, host, port, active }) => update.mutate({ id, label, aeTitle, host, port, active }), isPending: update.isPending, error: update.error, message: feedback.message };
      }}
      fieldsOf={(destination) => ({ siteId: destination.siteId, label: destination.label, aeTitle: destination.aeTitle, host: destination.host, port: String(destination.port) })}
    />
  );
}
