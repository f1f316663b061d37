"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/types";
import { useTRPC } from "@/lib/trpc/react";

/**
 * Switches the interface language: the browser's cookie at once, and, when signed in, the
 * profile, so the next sign-in on any workstation opens in it (lib/server/auth/profile-language-cookie.ts).
 */
export function useChooseLanguage(signedIn: boolean) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.myAccount.setLanguage.mutationOptions());
  return {
    saving: save.isPending,
    failed: save.isError,
    choose(language: Locale) {
      document.cookie = `${LOCALE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
      if (!signedIn) return router.refresh();
      save.mutate(
        { language },
        {
          // The page is re-rendered once the profile has it: what the user sees is what is saved.
          onSettled: () => {
            void queryClient.invalidateQueries({ queryKey: trpc.myAccount.language.queryKey() });
            router.refresh();
          },
        },
      );
    },
  };
}
