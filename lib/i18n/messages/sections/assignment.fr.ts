// Auto-assignment explanation, take-over, escalation, handover. French, the reference.
export const assignmentFr = {
  title: "",
} as const;
