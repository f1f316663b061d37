"use client";

import { useState, type ReactNode } from "react";

/** The OpenID provider's button: leaves the page for the provider, disabled once pressed. */
export function OidcProviderButton({ onStart, children }: { onStart: () => Promise<unknown>; children: ReactNode }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="oidc-button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void onStart();
      }}
    >
      {children}
    </button>
  );
}
