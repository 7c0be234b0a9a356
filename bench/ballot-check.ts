/**
 * How well the ballot reader reads: generates seeded ballot photos of the demo election (and
 * pictures that are not its ballots), runs `checkBallotPhoto` on each and prints
 *  - marked-box accuracy (the read marks equal the truth: the one choice, blank or spoiled),
 *  - isBallot precision and recall against unrelated pictures and other elections' ballots,
 *  - ms per photo for the check alone,
 *  - perceptual-hash distances between different ballot photos and between altered copies of
 *    one photo, which is what the near-duplicate threshold in src/domain/spam rests on.
 *
 * Usage: npx tsx bench/ballot-check.ts [--count 500] [--seed 1]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parseElectionDefinition, type ElectionDefinition } from '../src/domain/election/election-definition';
import { checkBallotPhoto } from '../src/media/ballot-check';
import { differenceHash, hammingDistance } from '../src/media/perceptual-hash';
import { generateBallotPhoto, randomMarking } from '../src/simulation/ballot-image';
import { createRng } from '../src/simulation/seeded';
import { generateUnrelatedImage } from '../src/simulation/unrelated-image';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const count = option('count', 500);
const firstSeed = option('seed', 1);

const electionFile = fileURLToPath(new URL('../elections/kz-2021-mazhilis/election.json', import.meta.url));
const election = parseElectionDefinition(JSON.parse(readFileSync(electionFile, 'utf8')), electionFile);

/** Ballots of other elections: a sheet with boxes, but not one per choice of this one. */
function otherElection(choiceCount: number): ElectionDefinition {
  const choices = Array.from({ length: choiceCount }, (_, i) => {
    const base = election.choices[i % election.choices.length]!;
    return { ...base, id: `${base.id}-${i}` };
  });
  return { ...election, slug: `other-${choiceCount}`, choices };
}

let checkMs = 0;
let checks = 0;
async function timedCheck(jpeg: Buffer) {
  const started = performance.now();
  const result = await checkBallotPhoto(jpeg, election);
  checkMs += performance.now() - started;
  checks++;
  return result;
}

let correct = 0;
let singleCorrect = 0;
let singles = 0;
let ballotsSeenAsBallots = 0;
const failures: string[] = [];
const hashes: string[] = [];
const wideHashes: bigint[] = [];
for (let seed = firstSeed; seed < firstSeed + count; seed++) {
  const marking = randomMarking(election, createRng(seed * 7919));
  const photo = await generateBallotPhoto(election, { seed, marking });
  const result = await timedCheck(photo.jpeg);
  const truth = photo.markedChoiceIds;
  const right =
    result.isBallot &&
    result.marks === truth.length &&
    result.markedChoiceId === (truth.length === 1 ? truth[0] : null);
  if (result.isBallot) ballotsSeenAsBallots++;
  if (right) correct++;
  else failures.push(`seed ${seed}: truth [${truth.join(', ')}], read ${result.signals.join(' ')}`);
  if (truth.length === 1) {
    singles++;
    if (right) singleCorrect++;
  }
  if (hashes.length < 200) {
    hashes.push(await differenceHash(photo.jpeg));
    wideHashes.push(await wideDifferenceHash(photo.jpeg));
  }
}

const negatives: Array<{ label: string; jpeg: Buffer }> = [];
const unrelatedCount = Math.max(20, Math.round(count / 2));
for (let i = 0; i < unrelatedCount; i++) {
  const image = await generateUnrelatedImage({ seed: 1_000_000 + firstSeed + i });
  negatives.push({ label: image.kind, jpeg: image.jpeg });
}
for (let i = 0; i < Math.max(10, Math.round(count / 10)); i++) {
  const other = otherElection(i % 2 === 0 ? 3 : 7);
  const photo = await generateBallotPhoto(other, {
    seed: 2_000_000 + firstSeed + i,
    marking: randomMarking(other, createRng(i)),
  });
  negatives.push({ label: other.slug, jpeg: photo.jpeg });
}
let falseBallots = 0;
const falseByKind = new Map<string, number>();
for (const negative of negatives) {
  const result = await timedCheck(negative.jpeg);
  if (result.isBallot) {
    falseBallots++;
    falseByKind.set(negative.label, (falseByKind.get(negative.label) ?? 0) + 1);
  }
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
console.log(
  `ballot photos: ${count} (seeds ${firstSeed}…${firstSeed + count - 1}); not-this-ballot pictures: ${negatives.length}`,
);
console.log(
  `marked-box accuracy: ${percent(correct, count)} (${correct}/${count}); single-mark ballots ${percent(singleCorrect, singles)}`,
);
const precision = ballotsSeenAsBallots / Math.max(1, ballotsSeenAsBallots + falseBallots);
console.log(
  `isBallot precision: ${(100 * precision).toFixed(1)}%, recall: ${percent(ballotsSeenAsBallots, count)}` +
    (falseBallots > 0 ? ` (false ballots: ${[...falseByKind].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
);
console.log(`check: ${(checkMs / checks).toFixed(1)} ms/image over ${checks} images`);
for (const failure of failures.slice(0, 15)) console.log(`  miss ${failure}`);

// Near-duplicate threshold: distances between different genuine photos vs. altered copies.
const genuine: number[] = [];
for (let i = 0; i < hashes.length; i++)
  for (let j = i + 1; j < hashes.length; j++) genuine.push(hammingDistance(hashes[i]!, hashes[j]!));
genuine.sort((a, b) => a - b);
const copies: number[] = [];
const wideCopies: number[] = [];
for (let seed = firstSeed; seed < firstSeed + 40; seed++) {
  const photo = await generateBallotPhoto(election, {
    seed,
    marking: randomMarking(election, createRng(seed * 7919)),
  });
  const original = await differenceHash(photo.jpeg);
  const meta = await sharp(photo.jpeg).metadata();
  const w = meta.width ?? 1000;
  const h = meta.height ?? 1000;
  const altered = [
    await sharp(photo.jpeg).jpeg({ quality: 40 }).toBuffer(),
    await sharp(photo.jpeg)
      .resize(Math.round(w * 0.6))
      .jpeg({ quality: 75 })
      .toBuffer(),
    await sharp(photo.jpeg).modulate({ brightness: 1.15 }).jpeg().toBuffer(),
    await sharp(photo.jpeg)
      .extract({
        left: Math.round(w * 0.03),
        top: Math.round(h * 0.03),
        width: Math.round(w * 0.94),
        height: Math.round(h * 0.94),
      })
      .jpeg()
      .toBuffer(),
  ];
  const wideOriginal = await wideDifferenceHash(photo.jpeg);
  for (const copy of altered) {
    copies.push(hammingDistance(original, await differenceHash(copy)));
    wideCopies.push(bitCount(wideOriginal ^ (await wideDifferenceHash(copy))));
  }
}
copies.sort((a, b) => a - b);
const quantile = (values: number[], q: number): number =>
  values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
console.log(
  `dHash, different ballot photos (${genuine.length} pairs): min ${genuine[0]}, 1st pct ${quantile(genuine, 0.01)}, median ${quantile(genuine, 0.5)}; ` +
    [6, 8, 10, 12]
      .map((d) => `≤${d}: ${percent(genuine.filter((v) => v <= d).length, genuine.length)}`)
      .join(', '),
);
console.log(
  `dHash, altered copies of one photo (${copies.length}: re-encoded, 60% size, +15% brightness, 3% crop): median ${quantile(copies, 0.5)}, 95th pct ${quantile(copies, 0.95)}, max ${copies[copies.length - 1]}`,
);

const wideGenuine: number[] = [];
for (let i = 0; i < wideHashes.length; i++) {
  for (let j = i + 1; j < wideHashes.length; j++) wideGenuine.push(bitCount(wideHashes[i]! ^ wideHashes[j]!));
}
wideGenuine.sort((a, b) => a - b);
wideCopies.sort((a, b) => a - b);
console.log(
  `256-bit dHash (17×16), for comparison: different photos min ${wideGenuine[0]}, 1st pct ${quantile(wideGenuine, 0.01)}, median ${quantile(wideGenuine, 0.5)}; ` +
    `altered copies median ${quantile(wideCopies, 0.5)}, 95th pct ${quantile(wideCopies, 0.95)}, max ${wideCopies[wideCopies.length - 1]}`,
);

/** The same difference hash on a 17×16 grid (256 bits): measured here only, to size the product's hash. */
async function wideDifferenceHash(image: Buffer): Promise<bigint> {
  const pixels = await sharp(image)
    .rotate()
    .grayscale()
    .resize(17, 16, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  let bits = 0n;
  for (let y = 0; y < 16; y++) {
    for (let x = 0; x < 16; x++)
      bits = (bits << 1n) | (pixels[y * 17 + x + 1]! > pixels[y * 17 + x]! ? 1n : 0n);
  }
  return bits;
}

function bitCount(value: bigint): number {
  let count = 0;
  for (let v = value; v > 0n; v >>= 1n) count += Number(v & 1n);
  return count;
}
