"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import type { Role } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { useLiveStatus } from "@/lib/realtime/live-updates";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "./notifications/notification-bell";
import { HeaderSearch } from "./search/header-search";
import { forgetMeasurementCopies } from "./reports/forget-measurement-copies";
import { clearDrafts } from "./session/form-drafts";

export function AppHeader({ user: signedIn }: { user: { name: string; role: Role; enrolmentOnly?: boolean } | null }) {
  const { t } = useI18n();
  // A session that must enrol a second factor first reaches nothing else: no navigation, no live parts.
  const user = signedIn && !signedIn.enrolmentOnly ? signedIn : null;
  return (
    // Crowded: three sections or more leave the search no room beside the rest below 1600 px
    // (patient-search.css gives it a row of its own there).
    <header className="app-header" data-crowded={user && navigationSections(user.role).length >= 3 ? "" : undefined}>
      <Link href="/">{t("app.name")}</Link>
      {user && <Navigation role={user.role} />}
      <span className="spacer" />
      {/* Whoever has a worklist may search the patients of what it could show; administrators see no patient. */}
      {user && user.role !== "ADMIN" && <HeaderSearch />}
      {/* Administrators have no live socket (no patient data moves on their pages): no indicator
          that would read "offline" forever. */}
      {user && user.role !== "ADMIN" && <LiveIndicator />}
      {/* Administrators take no part in care: no live socket, no notifications. */}
      {user && user.role !== "ADMIN" && <NotificationBell />}
      {signedIn && (
        // Name over role, each on one line: the block stays narrow so the navigation fits.
        // The name opens the account (password, sessions, second factors); a session that must
        // enrol a second factor first reaches only the security page.
        <Link
          className="who"
          data-testid="current-user"
          href={signedIn.enrolmentOnly ? "/account/security" : "/account"}
          title={signedIn.enrolmentOnly ? t("security.menuLink") : t("account.mine.title")}
        >
          <span>{signedIn.name}</span>
          <span className="who-role">{t(`roles.${signedIn.role}`)}</span>
        </Link>
      )}
      <LanguageSwitch signedIn={signedIn !== null} />
      {signedIn && (
        <button
          type="button"
          onClick={() => {
            // Forms kept for a sign-in again are not kept past a deliberate sign-out.
            clearDrafts(null);
            forgetMeasurementCopies();
            void signOut({ callbackUrl: "/signin" });
          }}
        >
          {t("app.signOut")}
        </button>
      )}
    </header>
  );
}

function LiveIndicator() {
  const { t } = useI18n();
  const status = useLiveStatus();
  const live = status === "live";
  return (
    <span className={`live ${live ? "live-on" : "live-off"}`} data-testid="live-status" data-status={status}>
      {live ? t("app.live") : status === "ended" ? t("app.sessionEnded") : t("app.offline")}
    </span>
  );
}

/** The sections a role works in; each page checks the role again on the server. */
function navigationSections(role: Role): { href: string; label: MessageKey }[] {
  const sections: ({ href: string; label: MessageKey } | false)[] = [
    role !== "ADMIN" && { href: "/worklist", label: "admin.worklist" },
    role === "REFERRER" && { href: "/my-requests", label: "portal.nav" },
    role === "DEPARTMENT_HEAD" && { href: "/dashboard", label: "dashboard.nav" },
    role === "DEPARTMENT_HEAD" && { href: "/operations", label: "operations.nav" },
    { href: "/rota", label: "admin.rota" },
    (role === "ADMIN" || role === "DEPARTMENT_HEAD") && { href: "/admin", label: "admin.title" },
  ];
  return sections.filter((section) => section !== false);
}

function Navigation({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <nav className="app-nav">
      {navigationSections(role).map((section) => (
        <Link key={section.href} href={section.href}>
          {t(section.label)}
        </Link>
      ))}
    </nav>
  );
}
