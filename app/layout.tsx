import type { Metadata } from "next";
import type { ReactNode } from "react";
import { currentSession } from "@/lib/server/auth/current-actor";
import { getTranslator } from "@/lib/i18n/server-locale";
import { AppHeader } from "@/lib/ui/app-header";
import { Providers } from "@/lib/ui/providers";
import "./globals.css";
import "./print.css";
import "./small-screens.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("app.name"), description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale }, session] = await Promise.all([getTranslator(), currentSession()]);
  // A session that must enrol a second factor first sees its name and sign-out, nothing else.
  const actor = session?.reach === "FULL" ? session.actor : null;
  const user = session ? { name: session.actor.displayName, role: session.actor.role, enrolmentOnly: session.reach !== "FULL" } : null;
  return (
    <html lang={locale}>
      <body>
        <Providers locale={locale} live={actor !== null && actor.role !== "ADMIN"} userId={actor?.id ?? null}>
          <AppHeader user={user} />
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
