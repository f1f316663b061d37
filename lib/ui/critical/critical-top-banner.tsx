"use client";

import { useQuery } from "@tanstack/react-query";
import { isForbiddenError } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { CriticalAcknowledgeBanners } from "./critical-acknowledge-banners";

/**
 * The banner of a critical finding to acknowledge, at the very top of the request's page:
 * below the report it sat 1,430 px down, out of sight on a 900 px screen. Same query as the
 * findings panel (one fetch), live through `request.changed`; gone once acknowledged.
 */
export function CriticalTopBanner(props: { requestId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.critical.forRequest.queryOptions({ requestId: props.requestId }, { retry: (failures, error) => !isForbiddenError(error) && failures < 1 }));
  // Errors are the panel's to show; those who may not see findings see nothing here.
  if (!query.data) return null;
  return (
    <div className="critical-top" data-testid="critical-top">
      <CriticalAcknowledgeBanners requestId={props.requestId} findings={query.data.findings} />
    </div>
  );
}
