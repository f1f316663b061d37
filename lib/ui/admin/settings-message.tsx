"use client";

export function SettingsMessage({ message, testId }: { message: { kind: "notice" | "error"; text: string } | null; testId: string }) {
  if (!message) return null;
  return (
    <p className={message.kind === "error" ? "form-error" : "notice"} role="status" data-testid={testId}>
      {message.text}
    </p>
  );
}
