import { z } from "zod";
import { MODALITIES, PATIENT_INFORMATION_POLICIES, PRIORITIES } from "../enums";
import { CRITICAL_ACK_MINUTES } from "../reports/critical-findings";
import { parseLocalDate } from "./wall-clock";
import { isExpiryPast } from "./privilege-expiry";

// Inputs of the settings procedures (privileges, site settings, escalation targets, the
// protocol catalogue). Messages are catalogue keys.

const id = z.uuid({ message: "validation.id" });

export const privilegeKeySchema = z.object({ userId: id, siteId: id });

/** expiresOn: the privilege stops at 00:00 (Paris) that day; null = no expiry. A date already past is refused. */
export const setPrivilegeSchema = privilegeKeySchema.extend({
  expiresOn: z
    .string()
    .refine((value) => parseLocalDate(value) !== null, { message: "validation.date", abort: true })
    .refine((value) => !isExpiryPast(value, new Date()), { message: "validation.expiryInPast" })
    .nullable(),
});
export type SetPrivilege = z.output<typeof setPrivilegeSchema>;

export const updateSiteSettingsSchema = z.object({
  siteId: id,
  autoAssign: z.boolean(),
  patientInformationPolicy: z.enum(PATIENT_INFORMATION_POLICIES, { message: "validation.choose" }),
  groupId: id.nullable(),
  /** Minutes a vital critical finding may wait for acknowledgement before it escalates; omitted: unchanged. */
  criticalAckMinutes: z
    .number({ message: "validation.number" })
    .int({ message: "validation.integer" })
    .min(CRITICAL_ACK_MINUTES.min, { message: "validation.range" })
    .max(CRITICAL_ACK_MINUTES.max, { message: "validation.range" })
    .optional(),
});
export type UpdateSiteSettings = z.output<typeof updateSiteSettingsSchema>;

export const createSiteGroupSchema = z.object({
  name: z.string().trim().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" }),
});

/** From one minute to a week. */
export const ESCALATION_BOUNDS_S = { min: 60, max: 7 * 86_400 } as const;

export const updatePriorityTargetsSchema = z.object({
  targets: z
    .array(
      z.object({
        priority: z.enum(PRIORITIES, { message: "validation.choose" }),
        escalateAfterS: z
          .number({ message: "validation.number" })
          .int({ message: "validation.integer" })
          .min(ESCALATION_BOUNDS_S.min, { message: "validation.range" })
          .max(ESCALATION_BOUNDS_S.max, { message: "validation.range" }),
      }),
    )
    .min(1, { message: "validation.required" })
    .max(PRIORITIES.length)
    .refine((targets) => new Set(targets.map((t) => t.priority)).size === targets.length, { message: "validation.invalid" }),
});
export type UpdatePriorityTargets = z.output<typeof updatePriorityTargetsSchema>;

export const catalogueSiteSchema = z.object({ siteId: id });

export const addProtocolItemSchema = z.object({
  siteId: id,
  code: z
    .string()
    .trim()
    .min(1, { message: "validation.required" })
    .max(32, { message: "validation.tooLong" })
    .regex(/^[A-Za-z0-9._-]+$/, { message: "rota.validation.code" })
    .transform((code) => code.toUpperCase()),
  label: z.string().trim().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" }),
  modality: z.enum(MODALITIES, { message: "validation.choose" }),
  contrast: z.boolean(),
});
export type AddProtocolItem = z.output<typeof addProtocolItemSchema>;

export const setProtocolItemActiveSchema = z.object({ itemId: id, active: z.boolean() });
