import { AccountLinkForm } from "@/lib/ui/account/account-link-form";

// Opened from a one-time link (activation, reset, first administrator), signed out.
export default function AccountLinkPage() {
  return (
    <div className="narrow-page">
      <AccountLinkForm />
    </div>
  );
}
