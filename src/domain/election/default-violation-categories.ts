import type { LocalizedText } from '../locale';

export interface ViolationCategory {
  id: string;
  names: LocalizedText;
}

/**
 * The categories observers and voters report under when an election file lists none — the ones
 * independent observers used in Kazakhstan (2021) and Belarus (2020). `other` stays last so the
 * bots can show it as the catch-all.
 */
export const DEFAULT_VIOLATION_CATEGORIES: readonly ViolationCategory[] = [
  {
    id: 'observer-not-admitted',
    names: {
      kk: 'Бақылаушы учаскеге жіберілмеді',
      ru: 'Наблюдателя не допустили на участок',
      en: 'Observer not admitted',
    },
  },
  {
    id: 'observer-removed',
    names: {
      kk: 'Бақылаушы учаскеден шығарылды',
      ru: 'Наблюдателя удалили с участка',
      en: 'Observer removed',
    },
  },
  {
    id: 'protocol-copy-refused',
    names: {
      kk: 'Хаттаманың көшірмесін беруден бас тартылды',
      ru: 'Отказ в выдаче копии протокола',
      en: 'Refused a copy of the protocol',
    },
  },
  {
    id: 'protocol-not-posted',
    names: {
      kk: 'Хаттама көпшілікке ілінбеді',
      ru: 'Протокол не вывешен для ознакомления',
      en: 'Protocol not posted',
    },
  },
  {
    id: 'ballot-stuffing',
    names: {
      kk: 'Жәшікке бюллетеньдер салу (вброс)',
      ru: 'Вброс бюллетеней',
      en: 'Ballot stuffing',
    },
  },
  {
    id: 'carousel-voting',
    names: {
      kk: '«Карусель» (бір адамның бірнеше рет дауыс беруі)',
      ru: '«Карусель» (многократное голосование)',
      en: 'Carousel voting',
    },
  },
  {
    id: 'voter-pressure',
    names: {
      kk: 'Сайлаушыларға қысым көрсету',
      ru: 'Давление на избирателей',
      en: 'Pressure on voters',
    },
  },
  {
    id: 'vote-buying',
    names: {
      kk: 'Дауыс сатып алу',
      ru: 'Подкуп избирателей',
      en: 'Vote buying',
    },
  },
  {
    id: 'photo-ban',
    names: {
      kk: 'Суретке түсіруге тыйым салу',
      ru: 'Запрет на фотосъёмку',
      en: 'Ban on photographing',
    },
  },
  {
    id: 'voter-list-irregularities',
    names: {
      kk: 'Сайлаушылар тізіміндегі бұзушылықтар',
      ru: 'Нарушения в списках избирателей',
      en: 'Voter list irregularities',
    },
  },
  {
    id: 'other',
    names: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
  },
];
