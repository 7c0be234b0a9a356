import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../../domain/locale';

/** The report's language and a sentence saying where it came from (for stderr). */
export interface ReportLanguage {
  locale: Locale;
  /** Empty when the user asked for it with --lang: nothing to explain. */
  why: string;
}

export interface ReportLanguageInputs {
  /** `--lang`, when given (already validated). */
  requested?: Locale;
  /** The language the data declares: the mapping's or the election file's `language`. */
  declared?: { locale: Locale; by: string };
  /** The process environment: LC_ALL, LC_MESSAGES and LANG, in POSIX order of precedence. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Which language `dauys analyze --report` writes in when not told: the data's own (a Russian
 * station table reads best in Russian), else the system's (`LC_ALL`, `LC_MESSAGES`, `LANG`),
 * else Kazakh. The reason is returned so the command can say it.
 *
 * @example
 * reportLanguage({ env: { LANG: 'ru_RU.UTF-8' } });
 * // { locale: 'ru', why: 'report language: ru (from LANG=ru_RU.UTF-8); --lang kk|ru|en chooses another' }
 */
export function reportLanguage({ requested, declared, env }: ReportLanguageInputs): ReportLanguage {
  if (requested) return { locale: requested, why: '' };
  const other = `--lang ${LOCALES.join('|')} chooses another`;
  if (declared)
    return {
      locale: declared.locale,
      why: `report language: ${declared.locale} (${declared.by} declares "language": "${declared.locale}"); ${other}`,
    };
  for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[variable];
    if (!value) continue;
    const locale = systemLocale(value);
    if (locale) return { locale, why: `report language: ${locale} (from ${variable}=${value}); ${other}` };
    // POSIX: the first set variable decides; one naming another language falls to the default.
    return {
      locale: DEFAULT_LOCALE,
      why: `report language: ${DEFAULT_LOCALE} (the default: the data declares no language and ${variable}=${value} is none of ${LOCALES.join(', ')}); ${other}`,
    };
  }
  return {
    locale: DEFAULT_LOCALE,
    why: `report language: ${DEFAULT_LOCALE} (the default: the data declares no language and LANG is not set); ${other}`,
  };
}

/** "ru_RU.UTF-8" → "ru", "kk_KZ" → "kk", "en" → "en"; "C", "POSIX", "de_DE" → undefined. */
function systemLocale(value: string): Locale | undefined {
  const language = value.split(/[_.@-]/)[0]!.toLowerCase();
  return isLocale(language) ? language : undefined;
}
