/**
 * The one catalog tree, by section: every text a person reads (bots, web pages, reports) is
 * in src/i18n/catalogs/<section>/<locale>.ts. `npm run i18n:check` walks this registry, so a new
 * section is a folder plus one line here. A web page imports only its own section's files, not
 * this registry, so its bundle carries no other section's texts.
 */
import type { SectionCatalogs } from '../section';
import { analysisEn } from './analysis/en';
import type { AnalysisMessageKey } from './analysis/index';
import { analysisKk } from './analysis/kk';
import { analysisRu } from './analysis/ru';
import { en as chatEn, type ChatMessageKey } from './chat/en';
import { kk as chatKk } from './chat/kk';
import { ru as chatRu } from './chat/ru';
import { en as consoleEn, type ConsoleMessageKey } from './console/en';
import { kk as consoleKk } from './console/kk';
import { ru as consoleRu } from './console/ru';
import { en as dashboardEn, type DashboardMessageKey } from './dashboard/en';
import { kk as dashboardKk } from './dashboard/kk';
import { ru as dashboardRu } from './dashboard/ru';
import { observerEn, type ObserverMessageKey } from './observer/en';
import { observerKk } from './observer/kk';
import { observerRu } from './observer/ru';
import { en as voterEn, type VoterMessageKey } from './voter/en';
import { kk as voterKk } from './voter/kk';
import { ru as voterRu } from './voter/ru';

export type {
  AnalysisMessageKey,
  ChatMessageKey,
  ConsoleMessageKey,
  DashboardMessageKey,
  ObserverMessageKey,
  VoterMessageKey,
};

export const SECTIONS = {
  /** The voter bot (`voter.*`) and what every bot says (`common.*`). */
  voter: { kk: voterKk, ru: voterRu, en: voterEn } satisfies SectionCatalogs<VoterMessageKey>,
  /** The observer bot (`observer.*`). */
  observer: { kk: observerKk, ru: observerRu, en: observerEn } satisfies SectionCatalogs<ObserverMessageKey>,
  /** The analysis (`analysis.*`): the results' readings, the dashboard's page, the printable report. */
  analysis: { kk: analysisKk, ru: analysisRu, en: analysisEn } satisfies SectionCatalogs<AnalysisMessageKey>,
  /** The public dashboard. */
  dashboard: {
    kk: dashboardKk,
    ru: dashboardRu,
    en: dashboardEn,
  } satisfies SectionCatalogs<DashboardMessageKey>,
  /** The staff console. */
  console: { kk: consoleKk, ru: consoleRu, en: consoleEn } satisfies SectionCatalogs<ConsoleMessageKey>,
  /** The web chat page's own texts (`webchat.*`); the conversation is the voter bot's. */
  chat: { kk: chatKk, ru: chatRu, en: chatEn } satisfies SectionCatalogs<ChatMessageKey>,
} as const;

export type SectionName = keyof typeof SECTIONS;
