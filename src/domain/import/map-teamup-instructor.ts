import { z } from 'zod';
import { whereInFile, type ImportProblem } from './import-report';

export interface ImportedInstructor {
  externalId: string;
  row: number;
  name: string;
  email: string | null;
}

const teamupInstructor = z.object({
  id: z.union([z.number(), z.string().min(1).max(64)]).transform(String),
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().max(200).nullish(),
});

/** One record of TeamUp's instructors file (email when the export has one; TeamUp's often has not). */
export function mapTeamupInstructor(
  record: unknown,
  row: number,
  fileName: string,
): ImportedInstructor | ImportProblem {
  const parsed = teamupInstructor.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      file: 'instructors',
      fileName,
      row,
      severity: 'error',
      message: `${whereInFile('instructors', fileName, row)}: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'not a TeamUp instructor'}`,
    };
  }
  const email = parsed.data.email && z.email().safeParse(parsed.data.email).success ? parsed.data.email : null;
  return { externalId: parsed.data.id, row, name: parsed.data.name, email };
}

/** Placeholder coaches have an address under the reserved `.invalid` domain until an admin gives them a real one. */
export function placeholderCoachEmail(externalId: string): string {
  return `teamup-instructor-${externalId.replace(/[^0-9a-z-]/gi, '')}@placeholder.invalid`;
}
