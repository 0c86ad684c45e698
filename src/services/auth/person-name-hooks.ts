import { APIError } from 'better-auth/api';
import { checkPersonName, PERSON_NAME_MAX } from '../../domain/users/person-name';

/**
 * better-auth takes any string as a name (900 KB, blank, CR/LF, markup). Every account it creates
 * or updates passes the one person-name rule (src/domain/users/person-name.ts): a sign-up or a
 * profile change with a bad name is refused with 400 VALIDATION_ERROR. A name from a social
 * provider is cleaned instead, so a Google profile never blocks signing in.
 */
function refuse(message: string): never {
  throw new APIError('BAD_REQUEST', { code: 'VALIDATION_ERROR', message: `name: ${message}` });
}

function cleanedProviderName(name: unknown, email: unknown): string {
  const cleaned = (typeof name === 'string' ? name : '')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029<>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PERSON_NAME_MAX)
    .trim();
  return cleaned || (typeof email === 'string' ? email : 'Member').split('@')[0]!.slice(0, PERSON_NAME_MAX) || 'Member';
}

type Context = { path?: string } | null;

export const personNameHooks = {
  user: {
    create: {
      before: async <U extends { name: string; email: string }>(user: U, context: Context) => {
        const check = checkPersonName(user.name);
        if (check.ok) return { data: { ...user, name: check.name } };
        // Accounts typed in by a person are refused; ones from a provider or the server are cleaned.
        if (context?.path === '/sign-up/email') refuse(check.message);
        return { data: { ...user, name: cleanedProviderName(user.name, user.email) } };
      },
    },
    update: {
      before: async <U extends Record<string, unknown>>(user: U) => {
        if (!('name' in user)) return { data: user };
        const check = checkPersonName(user.name);
        if (!check.ok) refuse(check.message);
        return { data: { ...user, name: check.name } };
      },
    },
  },
};
