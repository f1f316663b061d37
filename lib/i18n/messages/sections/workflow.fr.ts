// Justification, protocol, patient information, cancellation (request page). French, the reference.
export const workflowFr = {
  title: "",
} as const;
