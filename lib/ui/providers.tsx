"use client";

import type { ReactNode } from "react";
import { I18nProvider } from "@/lib/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n/types";
import { LiveUpdatesProvider } from "@/lib/realtime/live-updates";
import { TrpcReactProvider } from "@/lib/trpc/react";

export function Providers({ locale, live, children }: { locale: Locale; live: boolean; children: ReactNode }) {
  return (
    <I18nProvider locale={locale}>
      <TrpcReactProvider>{live ? <LiveUpdatesProvider>{children}</LiveUpdatesProvider> : children}</TrpcReactProvider>
    </I18nProvider>
  );
}
