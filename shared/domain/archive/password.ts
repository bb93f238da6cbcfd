/** The password of an encrypted archive: the minimum length and the strength hint shown while typing. */
export type PasswordStrength = 'weak' | 'fair' | 'strong';

export const MIN_ARCHIVE_PASSWORD = 8;

/** A hint for the password field: length and kinds of characters (digits, lower, upper, other). */
export function passwordStrength(pw: string): PasswordStrength {
  const kinds = [/\d/, /[a-z]/, /[A-Z]/, /[^0-9a-zA-Z]/].filter((re) => re.test(pw)).length;
  if (pw.length >= 12 && kinds >= 3) return 'strong';
  if (pw.length >= 8 && kinds >= 2) return 'fair';
  return 'weak';
}
