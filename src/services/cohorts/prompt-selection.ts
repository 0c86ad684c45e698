import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { checkInPrompts, type CohortPromptRef } from '../../db/schema';
import type { PromptKind } from '../../domain/cohorts/prompts';
import { DomainError } from '../../domain/shared/domain-error';

/** A cohort's (or cohort type's) prompt choice: a catalogue prompt by key, or a new custom prompt. */
export type PromptSelectionInput =
  | { key: string; required?: boolean }
  | {
      label: string;
      kind: PromptKind;
      unit?: string | null;
      min?: number | null;
      max?: number | null;
      required?: boolean;
    };

function customKey(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
  return `custom-${slug || 'prompt'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Resolves a prompt selection inside the caller's transaction: catalogue keys must exist,
 * custom prompts are added to the studio's catalogue (so later cohorts can reuse them), and a
 * prompt is chosen once. Errors name the field (`prompts.2.key`).
 */
export async function resolvePromptSelection(
  tx: Tx,
  actorId: string,
  inputs: readonly PromptSelectionInput[],
): Promise<CohortPromptRef[]> {
  const keys = inputs.flatMap((p) => ('key' in p ? [p.key] : []));
  const known = keys.length
    ? new Set(
        (
          await tx.select({ key: checkInPrompts.key }).from(checkInPrompts).where(inArray(checkInPrompts.key, keys))
        ).map((r) => r.key),
      )
    : new Set<string>();
  const refs: CohortPromptRef[] = [];
  for (const [index, input] of inputs.entries()) {
    if ('key' in input) {
      if (!known.has(input.key)) {
        throw new DomainError('VALIDATION_ERROR', `prompts.${index}.key: there is no check-in prompt "${input.key}"`, {
          field: `prompts.${index}.key`,
        });
      }
      if (refs.some((r) => r.key === input.key)) {
        throw new DomainError('VALIDATION_ERROR', `prompts.${index}.key: "${input.key}" is chosen twice`, {
          field: `prompts.${index}.key`,
        });
      }
      refs.push({ key: input.key, required: input.required ?? false });
      continue;
    }
    const min = input.kind === 'scale' ? (input.min ?? 1) : (input.min ?? null);
    const max = input.kind === 'scale' ? (input.max ?? 10) : (input.max ?? null);
    if ((input.kind === 'yes-no' || input.kind === 'text') && (input.min != null || input.max != null)) {
      throw new DomainError('VALIDATION_ERROR', `prompts.${index}.min: only number and scale prompts have a range`, {
        field: `prompts.${index}.min`,
      });
    }
    if (min !== null && max !== null && min > max) {
      throw new DomainError('VALIDATION_ERROR', `prompts.${index}.max: max must be at least min`, {
        field: `prompts.${index}.max`,
      });
    }
    const key = customKey(input.label);
    await tx.insert(checkInPrompts).values({
      key,
      label: input.label.trim(),
      kind: input.kind,
      unit: input.unit?.trim() || null,
      minValue: min,
      maxValue: max,
      builtIn: false,
      createdBy: actorId,
    });
    refs.push({ key, required: input.required ?? false });
  }
  return refs;
}
