import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();
/** Pinyin initials of a name, lower case: 张三明 -> zsm. Multi-sound surnames use the surname reading. */
export function pinyinInitials(name: string): string {
  let v = cache.get(name);
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase();
    if (cache.size > 20000) cache.clear();
    cache.set(name, v);
  }
  return v;
}

/** Matches a search text against a person's name: by characters or by pinyin initials (zsm finds 张三明). */
export function matchesPerson(name: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (name.includes(q)) return true;
  return /^[a-z]+$/.test(q) && pinyinInitials(name).includes(q);
}
