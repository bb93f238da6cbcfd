/**
 * A small, dependency-free XML reader and writer for FET files. FET writes plain element trees (no namespaces,
 * few attributes, text only in leaf elements), so a single-pass scanner is enough; it handles the XML
 * declaration, comments, CDATA, a DOCTYPE, the five named entities and numeric entities, and a UTF-8 or
 * UTF-16 byte order mark. Malformed input throws XmlSyntaxError with the line it stopped at.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element (not its children), entities decoded, untrimmed. */
  text: string;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
    this.name = 'XmlSyntaxError';
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole; // unknown entity: keep it as written rather than fail
  });
}

/** Bytes to text: BOM-aware (UTF-8, UTF-16 LE/BE), UTF-8 otherwise. */
export function decodeXmlBytes(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const NAME_RE = /[A-Za-z_:][-\w.:\u00b7\u00c0-\uffff]*/y;
const ATTR_RE = /\s*([A-Za-z_:][-\w.:]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

export function parseXml(src: string): XmlElement {
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let pos = 0;
  const n = src.length;
  const lineAt = (at: number) => {
    let line = 1;
    for (let i = 0; i < at && i < n; i++) if (src.charCodeAt(i) === 10) line++;
    return line;
  };
  const fail = (msg: string, at = pos): never => { throw new XmlSyntaxError(msg, lineAt(at)); };
  const skipPast = (marker: string, what: string) => {
    const end = src.indexOf(marker, pos);
    if (end < 0) fail(`unterminated ${what}`);
    pos = end + marker.length;
  };
  const addText = (t: string, at: number) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
    else if (t.trim()) fail('text outside the root element', at);
  };

  while (pos < n) {
    const lt = src.indexOf('<', pos);
    if (lt < 0) {
      addText(decodeEntities(src.slice(pos)), pos);
      break;
    }
    if (lt > pos) addText(decodeEntities(src.slice(pos, lt)), pos);
    pos = lt;
    if (src.startsWith('<?', pos)) { skipPast('?>', 'processing instruction'); continue; }
    if (src.startsWith('<!--', pos)) { skipPast('-->', 'comment'); continue; }
    if (src.startsWith('<![CDATA[', pos)) {
      const end = src.indexOf(']]>', pos + 9);
      if (end < 0) fail('unterminated CDATA section');
      addText(src.slice(pos + 9, end), pos);
      pos = end + 3;
      continue;
    }
    if (src.startsWith('<!', pos)) {
      // DOCTYPE, possibly with an internal subset in [...]
      const bracket = src.indexOf('[', pos);
      const close = src.indexOf('>', pos);
      if (close < 0) fail('unterminated declaration');
      if (bracket >= 0 && bracket < close) {
        const endSubset = src.indexOf(']', bracket);
        if (endSubset < 0) fail('unterminated DOCTYPE');
        pos = endSubset;
      }
      skipPast('>', 'declaration');
      continue;
    }
    if (src.startsWith('</', pos)) {
      NAME_RE.lastIndex = pos + 2;
      const m = NAME_RE.exec(src);
      if (!m) fail('bad closing tag');
      const top = stack.pop();
      if (!top || top.name !== m![0]) fail(`closing tag </${m![0]}> does not match <${top?.name ?? ''}>`);
      pos = NAME_RE.lastIndex;
      while (pos < n && /\s/.test(src[pos])) pos++;
      if (src[pos] !== '>') fail('bad closing tag');
      pos++;
      if (!stack.length) root = top!;
      continue;
    }
    // start tag
    NAME_RE.lastIndex = pos + 1;
    const m = NAME_RE.exec(src);
    if (!m) fail('bad tag');
    const el: XmlElement = { name: m![0], attrs: {}, children: [], text: '' };
    pos = NAME_RE.lastIndex;
    for (;;) {
      ATTR_RE.lastIndex = pos;
      const a = ATTR_RE.exec(src);
      if (!a) break;
      el.attrs[a[1]] = decodeEntities(a[3] ?? a[4] ?? '');
      pos = ATTR_RE.lastIndex;
    }
    while (pos < n && /\s/.test(src[pos])) pos++;
    let selfClosing = false;
    if (src.startsWith('/>', pos)) { selfClosing = true; pos += 2; }
    else if (src[pos] === '>') pos++;
    else fail(`bad tag <${el.name}>`);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) fail('more than one root element', lt);
    if (selfClosing) { if (!parent) root = el; }
    else stack.push(el);
  }
  if (stack.length) fail(`element <${stack[stack.length - 1].name}> is not closed`, n);
  if (!root) fail('no root element', 0);
  return root!;
}

// ---- reading helpers ----
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}
/** Trimmed text of the first child with this name ('' when absent). */
export function childText(el: XmlElement | undefined, name: string): string {
  return child(el, name)?.text.trim() ?? '';
}

// ---- writing ----
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
