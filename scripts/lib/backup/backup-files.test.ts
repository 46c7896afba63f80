import { describe, expect, test } from 'vitest';
import { type BaseBackupInfo, backupHistoryFile, parseBackupLabel } from './base';
import { chooseBase, parseTarget, recoverySettings } from './pitr';
import { toRemove } from './retention';

const LABEL = `START WAL LOCATION: 0/3000028 (file 000000010000000000000003)
CHECKPOINT LOCATION: 0/3000060
BACKUP METHOD: streamed
BACKUP FROM: primary
START TIME: 2026-11-29 23:48:41 UTC
LABEL: b2b-base-20261129T234840Z
START TIMELINE: 1
`;

const base = (name: string, endedAt: string) => ({ name, endedAt }) as BaseBackupInfo;
const BASES = [
  base('a', '2026-11-29T10:00:00Z'),
  base('b', '2026-11-29T12:00:00Z'),
  base('c', '2026-11-29T14:00:00Z'),
];

describe('base backups', () => {
  test('backup_label gives the first WAL segment, and the archive names the backup history file after it', () => {
    const parsed = parseBackupLabel(LABEL);
    expect(parsed).toEqual({
      startLsn: '0/3000028',
      startWalFile: '000000010000000000000003',
      startTime: '2026-11-29 23:48:41 UTC',
    });
    expect(backupHistoryFile(parsed.startLsn, parsed.startWalFile)).toBe(
      '000000010000000000000003.00000028.backup',
    );
    expect(backupHistoryFile('1/2A476A60', '00000001000000010000002A')).toBe(
      '00000001000000010000002A.00476A60.backup',
    );
  });

  test('retention removes all but the newest n, and never keeps none', () => {
    expect(toRemove(['a', 'b', 'c'], 2)).toEqual(['a']);
    expect(toRemove(['a'], 2)).toEqual([]);
    expect(() => toRemove(['a'], 0)).toThrow('keep at least 1 backup');
  });
});

describe('point-in-time targets', () => {
  test('a time (UTC unless it says otherwise) or a restore point name', () => {
    expect(parseTarget('2026-11-29T13:00:00Z')).toEqual({ time: new Date('2026-11-29T13:00:00Z') });
    expect(parseTarget('2026-11-29 13:00:00')).toEqual({ time: new Date('2026-11-29T13:00:00Z') });
    expect(parseTarget('2026-11-29T14:00:00+01:00')).toEqual({ time: new Date('2026-11-29T13:00:00Z') });
    expect(parseTarget('before-release-42')).toEqual({ name: 'before-release-42' });
    expect(() => parseTarget("x'; drop")).toThrow('not a restore point name');
  });

  test('a time starts from the newest base backup that ended before it; a name from the newest', () => {
    expect(chooseBase(BASES, { time: new Date('2026-11-29T13:00:00Z') }).name).toBe('b');
    expect(chooseBase(BASES, { name: 'p' }).name).toBe('c');
    expect(chooseBase(BASES, { name: 'p' }, 'a').name).toBe('a');
    expect(() => chooseBase(BASES, { time: new Date('2026-11-29T09:00:00Z') })).toThrow(
      'no base backup ended before',
    );
  });

  test('recovery settings: restore from the archive, stop at the target, promote', () => {
    expect(recoverySettings('/arch', { name: 'p1' })).toEqual([
      "restore_command = 'cp /arch/%f %p'",
      "recovery_target_name = 'p1'",
      'recovery_target_inclusive = on',
      "recovery_target_action = 'promote'",
      'hot_standby = off',
    ]);
  });
});
