import type { Metadata } from "next";
import type { ReactNode } from "react";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getTranslator } from "@/lib/i18n/server-locale";
import { AppHeader } from "@/lib/ui/app-header";
import { Providers } from "@/lib/ui/providers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("app.name"), description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale }, actor] = await Promise.all([getTranslator(), currentActor()]);
  return (
    <html lang={locale}>
      <body>
        <Providers locale={locale} live={actor !== null && actor.role !== "ADMIN"} userId={actor?.id ?? null}>
          <AppHeader user={actor ? { name: actor.displayName, role: actor.role } : null} />
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
