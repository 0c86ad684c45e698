/**
 * Shapes of the cohorts API as the web app reads them (see the zod schemas beside the routes in
 * src/server/routes/cohorts*). Dates named `…Date` are studio-local `YYYY-MM-DD`; `…At` are ISO instants.
 */
export type PromptKind = 'number' | 'scale' | 'yes-no' | 'text';
export type WeightUnit = 'KG' | 'LB' | 'ST_LB';
export type CheckInValue = number | boolean | string;
export type CheckInValues = Record<string, CheckInValue>;

export interface Prompt {
  key: string;
  label: string;
  kind: PromptKind;
  unit: string | null;
  min: number | null;
  max: number | null;
  required: boolean;
}

/** Weight as the client reads it, in their own unit (the server converts from kg). */
export interface WeightDisplay {
  unit: WeightUnit;
  /** kg, lb, or stones as a decimal: for charts. */
  value: number;
  /** "82.4 kg", "181.7 lb", "12 st 13.7 lb". */
  text: string;
}

export interface CheckIn {
  date: string;
  /** Answers by prompt key; weight in kg. */
  values: CheckInValues;
  weight: WeightDisplay | null;
  createdAt: string;
  updatedAt: string;
}

export type CohortStatus = 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';
export type MembershipStatus = 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'WITHDRAWN';
export type CohortPhase = 'UPCOMING' | 'RUNNING' | 'ENDED';
export interface CoachRef {
  id: string;
  name: string;
  isLead: boolean;
}

export type QuestionKind = 'text' | 'long-text' | 'scale' | 'single-choice' | 'number';
export interface Question {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
}
export type Answers = Record<string, string | number>;
export type QuestionnaireStatus = 'NOT_OPEN' | 'OPEN' | 'SUBMITTED' | 'MISSED';
