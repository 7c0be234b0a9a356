import { DEMO_ELECTION_FILE } from './src/cli/paths';
import { scenarioSchema } from './src/simulation/scenario';
import { loadElectionPrecincts } from './src/simulation/simulate-election-day';
import { planScenario } from './src/simulation/scenario-plan';
import { simulatedPhoto, photoFileId } from './src/simulation/simulated-photos';
import { cleanImage } from './src/media/clean-image';
import crypto from 'node:crypto';
const VOTERS=20000, M=10000;
const accounts = (share: number, per = 10) => Math.max(1, Math.round((M * share) / per));
const atk = (extra: number) => ({
    flood: { accounts: accounts(0.4) + extra, choice: 'nur-otan' },
    duplicateImage: { accounts: accounts(0.15), choice: 'nur-otan' },
    repeatVoter: { accounts: accounts(0.1, 38), votes: 8, choice: 'nur-otan' },
    precinctBurst: { accounts: accounts(0.1), choice: 'nur-otan' },
    textSpam: { accounts: accounts(0.15, 13), messagesPerAccount: 3, choice: 'nur-otan' },
    blackout: { share: 0.05, delayMinutes: 240 },
    replay: { updates: Math.round(M * 0.08), forged: Math.round(M * 0.02) },
});
const sc = (extra: number) => scenarioSchema.parse({ seed: 7, voters: { count: VOTERS, precincts: 2000, shares: { 'nur-otan': 0.3, 'ak-zhol': 0.22, adal: 0.16, auyl: 0.1, 'peoples-party': 0.12, 'against-all': 0.1 }, photoShare: 0.5 }, attacks: atk(extra), observers: { precincts: 200, brokenShare: 0.3, missingPageShare: 0.2 }, official: { falsifiedShare: 0.3, observedFalsifiedShare: 0.1, favour: 'nur-otan', shift: 0.3 } });
const { election, precincts } = await loadElectionPrecincts(sc(0), undefined, DEMO_ELECTION_FILE);
for (const extra of [0, 90, 100, 110]) {
  const plan = planScenario(sc(extra), election, precincts);
  const dup = plan.actors.filter(a => a.kind === 'duplicateImage');
  const upd = plan.actors.filter(a => a.kind !== 'genuine').reduce((s, a) => s + a.steps.length, 0) + 1000;
  const step = dup[0]!.steps.find(s => s.action.type === 'photo')!;
  const photo = (step.action as any).photo;
  console.log('extra', extra, 'updates', upd, 'shared', JSON.stringify(photo));
  if (extra === 0 || upd >= 10000) {
    const ids = dup.slice(0, 2).map(a => photoFileId(photo, a.userId));
    for (const id of ids) {
      const bytes = await simulatedPhoto(id, election, 850);
      try { const c = await cleanImage(bytes!); console.log(id, bytes!.length, crypto.createHash('sha256').update((c as any).jpeg ?? (c as any).data ?? bytes!).digest('hex').slice(0, 12), Object.keys(c)); } catch (e) { console.log(id, 'REJECTED', (e as Error).message); }
    }
  }
  if (upd >= 10000) break;
}
