import type { Messages } from "../../types";

export const threadEn: Messages["thread"] = {
  title: "Conversation",
  empty: "No messages yet.",
  inputLabel: "Message",
  placeholder: "Write to the people taking part in this request…",
  send: "Send",
  sending: "Sending…",
  quickActionsLabel: "Quick actions",
  quickActionHint: "A quick action sends its label, followed by the text typed, if any.",
  readOnly: "You read this request's conversation without taking part in it.",
  permanent: "Messages are part of the request's trace: they are never edited or deleted.",
  you: "you",
  characters: "{count}/{max}",
  quickActions: {
    NEED_CREATININE: "Creatinine needed",
    PROTOCOL_CHANGED: "Protocol changed",
    PATIENT_TRANSFERRED: "Patient transferred",
    IMAGES_SENT: "Images sent",
    CALL_ME: "Please call me back",
  },
};
