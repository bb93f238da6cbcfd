/** 中文 / English switch; the choice is remembered (localStorage) by setLang. */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      data-testid="lang-switch"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]}
      onChange={(v) => setLang(v as Lang)}
    />
  );
}
