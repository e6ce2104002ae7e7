import i18n, { type BackendModule } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
// Japanese (the default and the fallback) is in the first download; English, as large, is a
// separate chunk fetched only when it is the display language (issue 9: initial JS budget).
import ja from './locales/ja.json';

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
// Guarded: the API client imports this module in unit tests that run without a DOM.
if (typeof document !== 'undefined') document.documentElement.lang = initial;

const localeChunks: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language === 'en') import('./locales/en.json').then((m) => callback(null, m.default), (e: Error) => callback(e, null));
    else callback(null, ja);
  },
};

/**
 * A message of the UI copy in both languages, read when used: the language not loaded yet gives
 * the Japanese text until it is (only the display language is ever shown).
 */
export function bilingual(key: string): { readonly ja: string; readonly en: string } {
  const read = (lang: Lang): string | undefined => {
    const v: unknown = i18n.getResource(lang, 'translation', key);
    return typeof v === 'string' ? v : undefined;
  };
  return {
    get ja() {
      return read('ja') ?? key;
    },
    get en() {
      return read('en') ?? read('ja') ?? key;
    },
  };
}

/** Resolves once the display language's messages are loaded: render the app after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(localeChunks)
  .use(initReactI18next)
  .init({
    resources: { ja: { translation: ja } },
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: 'ja',
    supportedLngs: ['ja', 'en'],
    interpolation: { escapeValue: false },
  });

i18n.on('languageChanged', (lng) => {
  if (isLang(lng) && typeof document !== 'undefined') document.documentElement.lang = lng;
});

export default i18n;
