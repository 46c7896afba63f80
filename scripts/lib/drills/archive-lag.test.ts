import { describe, expect, test } from 'vitest';
import { archivedEnd, lsnBytes, segmentEnd, summarizeLag } from './archive-lag';

const MB16 = 16n * 1024n * 1024n;

describe('WAL positions', () => {
  test('an LSN is a byte position; a segment ends where the next one starts', () => {
    expect(lsnBytes('0/3000028')).toBe(0x3000028n);
    expect(lsnBytes('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(segmentEnd('000000010000000000000003')).toBe(4n * MB16);
    // log 1, segment 0: 256 segments of 16 MB per log
    expect(segmentEnd('000000010000000100000000')).toBe(257n * MB16);
  });

  test('a backup history or timeline file name keeps what was archived before', () => {
    expect(archivedEnd('000000010000000000000005', 0n)).toBe(6n * MB16);
    expect(archivedEnd('000000010000000000000005.00000028.backup', 3n * MB16)).toBe(3n * MB16);
    expect(archivedEnd('00000002.history', 3n * MB16)).toBe(3n * MB16);
    expect(archivedEnd(null, 0n)).toBe(0n);
  });
});

describe('summarizeLag', () => {
  test('bytes at risk are those beyond the archive; seconds since the first of them was written', () => {
    const summary = summarizeLag([
      { at: 0, lsn: MB16 / 2n, archivedTo: MB16 }, // all archived
      { at: 1000, lsn: MB16 + 100n, archivedTo: MB16 }, // 100 bytes unarchived since this sample
      { at: 3000, lsn: MB16 + 500n, archivedTo: MB16 }, // still: 2 s at risk
      { at: 4000, lsn: 2n * MB16 + 10n, archivedTo: 2n * MB16 }, // the segment was archived: 10 bytes, 0 s
    ]);
    expect(summary).toEqual({ samples: 4, maxBytes: 500, maxSeconds: 2, meanSeconds: 0.5 });
  });
});
