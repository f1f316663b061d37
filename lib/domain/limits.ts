// Text limits shared by the forms, the zod schemas and the database columns.
export const LIMITS = {
  name: 100,
  sitePatientId: 64,
  bodyRegion: 100,
  clinicalContext: 4000,
  clinicalQuestion: 2000,
  reason: 2000,
  idempotencyKey: 64,
  otherContraindications: 2000,
  priorResults: 4000,
  requestedTechnique: 500,
  desiredDelay: 200,
} as const;
