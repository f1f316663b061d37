import { z } from "zod";
import { LIMITS } from "./limits";
import { isValidIns } from "./ins-key";
import { INS_STATUSES } from "./identity/ins-status";
import {
  MODALITIES,
  PREGNANCY_STATUSES,
  PRIORITIES,
  RENAL_FUNCTIONS,
  SEXES,
  SUBSPECIALTIES,
  YES_NO_UNKNOWN,
} from "./enums";

// One schema for the browser form and the server: the form shows these errors field by
// field, and the tRPC procedure validates the same way again. Messages are catalogue keys.

const required = { message: "validation.required" };
const tooLong = { message: "validation.tooLong" };

const text = (max: number) => z.string(required).trim().min(1, required).max(max, tooLong);

/** An empty form field means "not given". */
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: "validation.choose" });

const isoDate = z
  .string(required)
  .min(1, { message: "validation.required", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date", abort: true })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { message: "validation.date" })
  .refine((value) => value >= "1900-01-01", { message: "validation.date" })
  .refine((value) => Date.parse(`${value}T00:00:00Z`) <= Date.now(), { message: "validation.dateInFuture" });

// INS (identifiant national de santé): the NIR, 13 characters plus a 2-digit key. Corsica
// departments use 2A/2B. A wrong key is its own message: the clinician rereads the card.
const ins = z.preprocess(
  (value) => (typeof value === "string" ? emptyToUndefined(value.replace(/\s+/g, "").toUpperCase()) : emptyToUndefined(value)),
  z
    .string()
    .regex(/^[1-478]\d{4}(\d{2}|2A|2B)\d{6}\d{2}$/, { message: "validation.ins", abort: true })
    .refine(isValidIns, { message: "validation.insKey" })
    .optional(),
);

export const patientIdentitySchema = z.object({
  familyName: text(LIMITS.name),
  givenName: text(LIMITS.name),
  birthDate: isoDate,
  sex: choice(SEXES),
  sitePatientId: text(LIMITS.sitePatientId),
  ins,
  // How far the identity was checked. Not given = not qualified: the INS then never leaves
  // the product (HL7, DICOM), whatever its key.
  insStatus: z.preprocess(emptyToUndefined, choice(INS_STATUSES).optional()),
});

// The site's own accession number (its RIS), when it already gave one: DICOM SH, 16 characters.
const siteAccessionNumber = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._/-]{1,16}$/, { message: "validation.accession" })
    .optional(),
);

/** Free text a requester may leave empty. */
const optionalText = (max: number) => z.preprocess(emptyToUndefined, z.string().trim().max(max, tooLong).optional());

const common = {
  siteAccessionNumber,
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: "validation.idempotencyKey" }),
  priority: choice(PRIORITIES),
  patient: patientIdentitySchema,
  modality: choice(MODALITIES),
  bodyRegion: text(LIMITS.bodyRegion),
  clinicalContext: text(LIMITS.clinicalContext),
  clinicalQuestion: text(LIMITS.clinicalQuestion),
  // The exam needs a subspecialist on call (e.g. paediatric, neuro): assignment honours it.
  requiredSubspecialty: z.preprocess(emptyToUndefined, choice(SUBSPECIALTIES).optional()),
  // The rest of the minimum content of a request (HAS; ANS Volet Téléradiologie): prior
  // results, the technique the requester has in mind, and how soon they need the answer.
  priorResults: optionalText(LIMITS.priorResults),
  requestedTechnique: optionalText(LIMITS.requestedTechnique),
  desiredDelay: optionalText(LIMITS.desiredDelay),
};

export const contrastSafetySchema = z.object({
  renalFunction: choice(RENAL_FUNCTIONS),
  egfr: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "validation.number" })
      .int({ message: "validation.integer" })
      .min(1, { message: "validation.range" })
      .max(200, { message: "validation.range" })
      .optional(),
  ),
  contrastAllergy: choice(YES_NO_UNKNOWN),
  pregnancy: choice(PREGNANCY_STATUSES),
  metformin: choice(YES_NO_UNKNOWN),
});

export const submitRequestSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("TELEDIAGNOSTIC"),
      ...common,
      contrast: contrastSafetySchema,
      // The requesting physician already told the patient the act is remote (and they did not
      // object): recorded with the submission, so reading never waits for it.
      patientInformed: z.boolean({ message: "validation.invalid" }).optional(),
      // Beyond the contrast items: pacemaker, implants, claustrophobia...
      otherContraindications: optionalText(LIMITS.otherContraindications),
    }),
    z.object({ type: z.literal("TELEEXPERTISE"), ...common, expertQuestion: text(LIMITS.clinicalQuestion) }),
  ],
  { message: "validation.choose" },
);

export type SubmitRequestInput = z.input<typeof submitRequestSchema>;
export type SubmitRequest = z.output<typeof submitRequestSchema>;
