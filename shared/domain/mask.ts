/** Masking for printed and exported lists (个人信息保护法): 张三明 -> 张*明, 学籍号 keeps its ends. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return name;
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

export function maskStudentNo(no: string): string {
  const s = no.trim();
  if (s.length <= 6) return s.replace(/./g, '*');
  return s.slice(0, 3) + '*'.repeat(s.length - 6) + s.slice(-3);
}
