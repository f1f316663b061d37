"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useLiveChannel } from "@/lib/realtime/live-updates";
import { playVitalAlertSound, unlockAudioOnFirstGesture } from "./alert-sound";

export type AlertPermission = NotificationPermission | "unsupported";

// The browser's notification permission as a tiny external store: it changes when the user
// answers our request, or in the browser's site settings (Permissions API change event).
const permissionListeners = new Set<() => void>();
const notifyPermission = () => permissionListeners.forEach((listener) => listener());

function subscribePermission(listener: () => void): () => void {
  permissionListeners.add(listener);
  let status: PermissionStatus | null = null;
  void navigator.permissions
    ?.query({ name: "notifications" })
    .then((result) => {
      status = result;
      result.addEventListener("change", notifyPermission);
    })
    .catch(() => undefined);
  return () => {
    permissionListeners.delete(listener);
    status?.removeEventListener("change", notifyPermission);
  };
}

const currentPermission = (): AlertPermission => (typeof Notification === "undefined" ? "unsupported" : Notification.permission);

/** Whether the browser may show our notifications, and a way to ask (only on a user's click). */
export function useBrowserAlertPermission(): { permission: AlertPermission; requestPermission: () => void } {
  const permission = useSyncExternalStore(subscribePermission, currentPermission, () => "unsupported" as const);
  const requestPermission = useCallback(() => {
    if (typeof Notification === "undefined") return;
    void Notification.requestPermission().then(notifyPermission, notifyPermission);
  }, []);
  return { permission, requestPermission };
}

/**
 * Vital emergencies: when a `notifications.changed` hint says `vital`, ring a short alert and,
 * if the user allowed it, show a browser notification (it says nothing about the patient;
 * clicking it opens the notification centre). Mount once per tab (the header's bell does).
 */
export function useVitalAlert(): { permission: AlertPermission; requestPermission: () => void } {
  const { t } = useI18n();
  const router = useRouter();
  const channel = useLiveChannel();
  const alerts = useBrowserAlertPermission();

  useEffect(() => unlockAudioOnFirstGesture(), []);

  useEffect(() => {
    if (!channel) return;
    return channel.onVitalAlert(() => {
      playVitalAlertSound();
      if (currentPermission() !== "granted") return;
      try {
        const notification = new Notification(t("notifications.alerts.vitalTitle"), {
          body: t("notifications.alerts.vitalBody"),
          // One browser notification at a time however many emergencies arrive together.
          tag: "teleradio-vital",
          requireInteraction: true,
        });
        notification.onclick = () => {
          window.focus();
          router.push("/notifications");
          notification.close();
        };
      } catch {
        // Some browsers (Android Chrome) only show notifications through a service worker.
      }
    });
  }, [channel, router, t]);

  return alerts;
}
