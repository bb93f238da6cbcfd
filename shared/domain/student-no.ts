/**
 * 学籍号 (national student number): `G` + the 18-character ID number (GB 11643), or `J`/`L` + 18 characters
 * for temporary numbers. Schools' spreadsheets often drop the prefix, so an 18-character value that is a valid
 * ID number is the same student as `G` + value.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character for the first 17 digits of an 18-character ID number. */
export function idCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new Error('ID body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** True if an 18-character ID number's last character matches its check digit. */
export function isValidIdNumber(id18: string): boolean {
  return /^\d{17}[\dX]$/.test(id18) && idCheckChar(id18.slice(0, 17)) === id18[17];
}

export interface StudentNoCheck {
  /** The number to store. */
  value: string;
  /** A bare valid ID number was given the `G` prefix. */
  prefixed: boolean;
  /** The ID-number part fails its GB 11643 check digit (a typo, or a made-up number). */
  badCheckDigit: boolean;
}

/** Normalises an already cleaned 学籍号 (upper-case letters, X at the end). */
export function checkStudentNo(no: string): StudentNoCheck {
  if (/^\d{17}[\dX]$/.test(no)) {
    return isValidIdNumber(no) ? { value: `G${no}`, prefixed: true, badCheckDigit: false } : { value: no, prefixed: false, badCheckDigit: true };
  }
  const m = /^([GJL])(\d{17}[\dX])$/.exec(no);
  if (m) return { value: no, prefixed: false, badCheckDigit: !isValidIdNumber(m[2]) };
  return { value: no, prefixed: false, badCheckDigit: false };
}
