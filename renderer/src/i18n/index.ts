/**
 * i18next set-up. Translations live in renderer/src/locales/<lang>/<part>.json; every part is deep-merged
 * into one namespace, so a key is written as 'teachers.name' wherever it lives. zh-CN is the default.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

type Tree = { [k: string]: string | Tree };
const files = import.meta.glob<Tree>('../locales/*/*.json', { eager: true, import: 'default' });

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    if (typeof v === 'object' && typeof into[k] === 'object') merge(into[k] as Tree, v);
    else into[k] = v;
  }
  return into;
}

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function bundles(): Record<Lang, Tree> {
  const out: Record<Lang, Tree> = { 'zh-CN': {}, en: {} };
  for (const [path, tree] of Object.entries(files)) {
    const lang = path.split('/').slice(-2)[0] as Lang;
    if (out[lang]) merge(out[lang], tree);
  }
  return out;
}

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('jiaowu.lang')) as Lang | null;
const b = bundles();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: b['zh-CN'] }, en: { translation: b.en } },
  lng: saved && LANGS.includes(saved) ? saved : 'zh-CN',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLang(lang: Lang): void {
  localStorage.setItem('jiaowu.lang', lang);
  void i18n.changeLanguage(lang);
}

export default i18n;
