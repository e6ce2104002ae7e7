import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import ja from './locales/ja.json';
import en from './locales/en.json';

export type Lang = 'ja' | 'en';
export const LOCALE_STORAGE_KEY = 'koryu.locale';

export const isLang = (v: unknown): v is Lang => v === 'ja' || v === 'en';

export function storedLocale(): Lang | null {
  try {
    const v = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export function storeLocale(lang: Lang): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private mode, policy); the choice then lasts for this page only.
  }
}

export function currentLang(): Lang {
  return isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'ja';
}

/** The display language, re-rendering the caller when it changes. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.resolvedLanguage === 'en' ? 'en' : 'ja';
}

/** Picks the Japanese or English variant of a bilingual record field. */
export const pick = (lang: Lang, ja: string | null | undefined, en: string | null | undefined): string =>
  (lang === 'en' ? en || ja : ja || en) ?? '';

const initial = storedLocale() ?? 'ja';
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'ja',
  supportedLngs: ['ja', 'en'],
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  if (isLang(lng)) document.documentElement.lang = lng;
});

export default i18n;
