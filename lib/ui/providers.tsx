"use client";

import type { ReactNode } from "react";
import { I18nProvider } from "@/lib/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n/types";
import { LiveUpdatesProvider } from "@/lib/realtime/live-updates";
import { TrpcReactProvider } from "@/lib/trpc/react";
import { SessionExpiryBanner } from "./session/session-expiry-banner";
import { SessionUserProvider } from "./session/session-user";

export function Providers({ locale, live, userId, children }: { locale: Locale; live: boolean; userId: string | null; children: ReactNode }) {
  return (
    <I18nProvider locale={locale}>
      <SessionUserProvider userId={userId}>
        <TrpcReactProvider>{live ? <LiveUpdatesProvider>{children}</LiveUpdatesProvider> : children}</TrpcReactProvider>
        <SessionExpiryBanner />
      </SessionUserProvider>
    </I18nProvider>
  );
}
