import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readObserverInvites } from '../../../src/simulation/observer-invites-file';

describe('readObserverInvites', () => {
  let dir: string;
  const write = async (name: string, json: unknown) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, typeof json === 'string' ? json : JSON.stringify(json));
    return file;
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-invites-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads the console's invite sheet, a list of invites, or one invite, placing each at its first precinct", async () => {
    const sheet = {
      election: 'kz-2021-mazhilis',
      invites: [
        { id: 1, code: 'AAAA-1111', precinctCodes: ['p1'], qr: 'data:…' },
        { id: 2, code: 'BBBB-2222', precinctCodes: ['p2', 'p3'] },
      ],
    };
    expect(await readObserverInvites(await write('sheet.json', sheet))).toEqual([
      { code: 'AAAA-1111', precinctCode: 'p1' },
      { code: 'BBBB-2222', precinctCode: 'p2' },
    ]);
    expect(await readObserverInvites(await write('list.json', sheet.invites))).toHaveLength(2);
    expect(await readObserverInvites(await write('one.json', sheet.invites[0]))).toEqual([
      { code: 'AAAA-1111', precinctCode: 'p1' },
    ]);
  });

  it('names the file and the field of a bad invite, and the file of bad JSON', async () => {
    const bad = await write('bad.json', { invites: [{ code: 'X', precinctCodes: [] }] });
    await expect(readObserverInvites(bad)).rejects.toMatchObject({
      message: expect.stringContaining(`${bad}: not an invite sheet`),
      issues: [expect.objectContaining({ where: `${bad}:$.invites[0].precinctCodes` })],
    });
    const broken = await write('broken.json', '{ "invites": [');
    await expect(readObserverInvites(broken)).rejects.toThrow(broken);
  });
});
