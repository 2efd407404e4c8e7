import { describe, expect, it } from 'vitest';
import {
  batchName,
  classifyDeskEntry,
  classifyDesksEntry,
  classifyRootEntry,
  seqInName,
} from '../../../../electron/main/services/team/folder-names';

const ID = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

describe('names in a team folder', () => {
  it.each([
    ['b-00000003.dsb', 'batch'],
    ['desk.json', 'desk-file'],
    [`removed-${ID}.json`, 'removal'],
    ['.tmp-b-00000004.dsb.a1b2c3', 'temp'],
    ['b-00000003-DESKTOP-1.dsb', 'conflict-copy'],
    ['b-00000003 (1).dsb', 'conflict-copy'],
    ["b-00000003 (Sam's conflicted copy 2026-12-02).dsb", 'conflict-copy'],
    ['b-00000003.sync-conflict-20261202-101010-ABCDEFG.dsb', 'conflict-copy'],
    ['desk-LAPTOP.json', 'conflict-copy'],
    ['desk (1).json', 'conflict-copy'],
    [`removed-${ID} (1).json`, 'conflict-copy'],
    ['b-00000000.dsb', 'unknown'],
    ['notes.txt', 'unknown'],
    ['.DS_Store', 'ignored'],
    ['desktop.ini', 'ignored'],
  ])('%s is %s', (name, kind) => {
    expect(classifyDeskEntry(name).kind).toBe(kind);
  });

  it('reads the batch number from exact names only, and from temps and copies when choosing the next one', () => {
    expect(classifyDeskEntry('b-00000012.dsb')).toEqual({ kind: 'batch', seq: 12 });
    expect(batchName(12)).toBe('b-00000012.dsb');
    expect(seqInName('b-00000012 (1).dsb')).toBe(12);
    expect(seqInName('.tmp-b-00000013.dsb.abc')).toBe(13);
    expect(seqInName('desk.json')).toBeNull();
  });

  it('tells desks folders from copies of them, and team.json from its copies', () => {
    expect(classifyDesksEntry(ID)).toBe('desk');
    expect(classifyDesksEntry(`${ID} (1)`)).toBe('conflict-copy');
    expect(classifyDesksEntry('New folder')).toBe('unknown');
    expect(classifyRootEntry('team.json')).toBe('team-file');
    expect(classifyRootEntry('team-DESKTOP-1.json')).toBe('conflict-copy');
    expect(classifyRootEntry('team (1).json')).toBe('conflict-copy');
    expect(classifyRootEntry('.tmp-team.json.abc')).toBe('temp');
    expect(classifyRootEntry('README.txt')).toBe('other');
  });
});
