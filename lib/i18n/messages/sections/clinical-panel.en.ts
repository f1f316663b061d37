import type { Messages } from "../../types";

export const clinicalPanelEn: Messages["clinicalPanel"] = {
  title: "Clinical information",
  show: "Show the clinical information (C)",
  hide: "Hide the clinical information (C)",
  loadError: "The clinical information could not be loaded: {message}",
  retry: "Retry",
  context: "Clinical context",
  question: "Clinical question",
  expertQuestion: "Question to the expert",
  safety: "Safety (contrast)",
  protocol: "Validated protocol",
  noProtocol: "No protocol sent yet.",
  priority: "Priority",
  requester: "Requester",
  exam: "Exam asked for",
  proposedExam: "Exam proposed: {exam}",
};
