/**
 * Check-in prompts: the built-in catalogue (weight, steps, sleep…, rows seeded by migration)
 * and studio-made custom prompts share this shape. A cohort picks some and marks which are
 * required; a client outside any cohort gets the studio's default ones.
 */
export const PROMPT_KINDS = ['number', 'scale', 'yes-no', 'text'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/** Which direction is good news, for trend flags (null: neither, e.g. weight, whose goal varies). */
export const PROMPT_DIRECTIONS = ['HIGHER', 'LOWER'] as const;
export type PromptDirection = (typeof PROMPT_DIRECTIONS)[number];

export interface PromptDefinition {
  key: string;
  label: string;
  kind: PromptKind;
  unit: string | null;
  min: number | null;
  max: number | null;
  better: PromptDirection | null;
}

export interface PromptInForce extends PromptDefinition {
  required: boolean;
}

/** Weight is stored in kg and entered/shown in each client's own unit. */
export const WEIGHT_PROMPT_KEY = 'weight';

/** Longest free-text answer a check-in keeps. */
export const MAX_TEXT_LENGTH = 2000;

/** Scales without their own bounds run 1–10. */
export const DEFAULT_SCALE = { min: 1, max: 10 } as const;

export type CheckInValue = number | boolean | string;
export type CheckInValues = Record<string, CheckInValue>;
