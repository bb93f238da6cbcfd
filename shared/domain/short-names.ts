/**
 * Short teacher labels for tight grids (the A3 master timetable): the surname alone where it is unique among
 * the teachers shown, else the surname and the first character of the given name (张明, 张伟), else the full
 * name. Compound surnames (欧阳, 司马 ...) are kept whole.
 */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '端木', '长孙', '宇文', '司徒', '申屠', '澹台', '轩辕', '呼延', '万俟']);

export function surnameOf(name: string): string {
  const chars = Array.from(name);
  if (chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''))) return chars.slice(0, 2).join('');
  return chars[0] ?? '';
}

/** Name -> the shortest label that tells it apart from every other name in `names`. */
export function shortTeacherLabels(names: Iterable<string>): Map<string, string> {
  const unique = [...new Set(names)];
  const count = (labels: string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const surname = unique.map(surnameOf);
  const bySurname = count(surname);
  const withInitial = unique.map((n, i) => {
    const s = surname[i];
    return s + (Array.from(n).slice(Array.from(s).length)[0] ?? '');
  });
  const byInitial = count(withInitial);
  return new Map(unique.map((n, i) => [n, bySurname.get(surname[i]) === 1 ? surname[i] : byInitial.get(withInitial[i]) === 1 ? withInitial[i] : n]));
}
