/**
 * What text a person may send. One line (names, titles, labels): no C0/C1 control characters and
 * no Unicode line separators. Several lines (descriptions, notes, messages): newlines and tabs,
 * no other control character. Shared by the request schemas (src/contracts/fields.ts) and the
 * domain's own schemas (questionnaires).
 */
// Control characters are exactly what these patterns look for.
// eslint-disable-next-line no-control-regex
export const ONE_LINE_TEXT = /^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$/;
// eslint-disable-next-line no-control-regex
export const MULTI_LINE_TEXT = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/;
