import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MATCH_END,
  MATCH_START,
  type Note,
  type NoteContent,
  type NoteSummary,
  type SubnetVerdict,
  type TagCount,
} from '../../../shared/notes-types';
import { ftsQuery } from './note-search';
import { openTestService, review, type TestService } from '../../../test/fixtures/notes-service';

let t: TestService;
beforeEach(async () => {
  t = await openTestService();
});
afterEach(() => t.service.close());

async function write(content: NoteContent): Promise<Note> {
  const { id } = await t.ok<Note>('notes.create', { netuid: content.netuid });
  t.clock.ms += 1000;
  return t.ok<Note>('notes.save', { id, content, kind: 'save' });
}
const list = (filters?: object) => t.ok<NoteSummary[]>('notes.list', filters);
const marked = (s: string) => s.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']');

describe('notes: full-text search', () => {
  it('finds a word in any field, by prefix, ignoring case and accents, and marks the match', async () => {
    const a = await write(review(8, { exploits: 'Validators never check the Docker image digest.' }));
    const b = await write(
      review(12, {
        title: 'Protein folding',
        hardware: { compute: 'cpu', vramGb: null, ramGb: 32, diskGb: 100, detail: 'Any modern Xeon' },
        tags: ['biology'],
      }),
    );
    const c = await write(review(21, { body: 'The Café benchmark is private.', tags: [] }));

    const docker = await list({ query: 'dock' });
    expect(docker.map((n) => n.id)).toEqual([a.id]);
    expect(marked(docker[0]!.excerpt)).toContain('[Docker]');

    expect((await list({ query: 'xeon' })).map((n) => n.id)).toEqual([b.id]);
    expect((await list({ query: 'BIOLOGY' })).map((n) => n.id)).toEqual([b.id]);
    expect((await list({ query: 'cafe' })).map((n) => n.id)).toEqual([c.id]);
    // Every word must match.
    expect((await list({ query: 'protein xeon' })).map((n) => n.id)).toEqual([b.id]);
    expect(await list({ query: 'protein docker' })).toEqual([]);
  });

  it('marks matches in the title, and ranks a title match above a body match', async () => {
    const inBody = await write(review(1, { title: 'Text subnet', body: 'Mentions inference once.', tags: [] }));
    const inTitle = await write(review(2, { title: 'Inference subnet', body: 'Nothing here.', tags: [] }));
    const found = await list({ query: 'inference' });
    expect(found.map((n) => n.id)).toEqual([inTitle.id, inBody.id]);
    expect(marked(found[0]!.titleMarked)).toBe('[Inference] subnet');
  });

  it('treats search syntax typed by the user as plain words', async () => {
    await write(review(4, { body: 'weights AND biases (see NEAR the end)' }));
    for (const query of ['AND', '"unbalanced', 'NEAR(', 'title:weights', '*', 'weights OR']) {
      await expect(list({ query })).resolves.toBeInstanceOf(Array);
    }
    expect(ftsQuery('  "rm -rf" OR x* ')).toBe('"rm"* "rf"* "OR"* "x"*');
    expect(ftsQuery('***')).toBeNull();
  });

  it('a query of punctuation, quotes, * or ( or an emoji finds the notes holding that text, not every note', async () => {
    const quoted = await write(
      review(1, { title: 'Quoted', body: 'The owner said "soon" (again) 🚀', exploits: '', risks: '', tags: [] }),
    );
    const starred = await write(
      review(2, { title: 'Starred', body: 'Rated ** out of five.', exploits: '', risks: '', tags: [] }),
    );
    const plain = await write(
      review(3, {
        title: 'Plain',
        body: 'Nothing special',
        exploits: '',
        risks: '',
        scoringSummary: '',
        validatorsReward: '',
        tags: [],
      }),
    );
    const ids = async (query: string) => (await list({ query })).map((n) => n.id).sort();
    expect(await ids('"')).toEqual([quoted.id]);
    expect(await ids('(')).toEqual([quoted.id]);
    expect(await ids('🚀')).toEqual([quoted.id]);
    expect(await ids('*')).toEqual([starred.id]);
    expect(await ids('**')).toEqual([starred.id]);
    expect(await ids('"soon"')).toEqual([quoted.id]); // a word: found by the word index as before
    expect(await ids('(again)')).toEqual([quoted.id]);
    expect(await ids('#')).toEqual([]);
    expect(await ids('   ')).toEqual([quoted.id, starred.id, plain.id].sort()); // no query at all: every note
    // The match is marked where the user sees it, as words are.
    expect(marked((await list({ query: '🚀' }))[0]!.excerpt)).toBe('The owner said "soon" (again) [🚀]');
    // With a word in it, the word index finds and marks the word, as before.
    expect(marked((await list({ query: '(again)' }))[0]!.excerpt)).toBe('The owner said "soon" ([again]) 🚀');
  });

  it('finds text inside an unspaced run of Chinese or Japanese, and mixed with words', async () => {
    const ja = await write(review(5, { title: '評価', body: '機械学習モデルの評価方法を確認した。', tags: [] }));
    const zh = await write(review(6, { title: '矿工', body: '验证者使用延迟作为主要评分标准。', tags: [] }));
    const ids = async (query: string) => (await list({ query })).map((n) => n.id).sort();
    expect(await ids('学習モデル')).toEqual([ja.id]);
    expect(await ids('学習')).toEqual([ja.id]); // two characters: shorter than a trigram, scanned for
    const [found] = await list({ query: '評価' });
    expect(marked(found!.titleMarked)).toBe('[評価]');
    expect(marked(found!.excerpt)).toBe('機械学習モデルの[評価]方法を確認した。');
    expect(await ids('延迟')).toEqual([zh.id]);
    expect(await ids('评分标准')).toEqual([zh.id]);
    expect(await ids('评分 latency')).toEqual([zh.id]); // the review's fields mention latency
    expect(await ids('评分 docker')).toEqual([]);
    expect(await ids('モデル 延迟')).toEqual([]);
    // Existing word searches are unchanged.
    expect(await ids('latency')).toEqual([ja.id, zh.id].sort());
  });

  it('follows edits, restores and deletes', async () => {
    const note = await write(review(9, { body: 'Uses a weighted median.' }));
    expect(await list({ query: 'median' })).toHaveLength(1);
    t.clock.ms += 60 * 60_000;
    await t.ok('notes.save', { id: note.id, content: review(9, { body: 'Uses a trimmed mean.' }), kind: 'save' });
    expect(await list({ query: 'median' })).toEqual([]);
    expect(await list({ query: 'trimmed' })).toHaveLength(1);

    const [, older] = await t.ok<{ id: number }[]>('notes.history', { id: note.id });
    await t.ok('notes.restoreVersion', { id: note.id, versionId: older!.id });
    expect(await list({ query: 'median' })).toHaveLength(1);

    await t.ok('notes.delete', { id: note.id });
    expect(await list({ query: 'median' })).toEqual([]);
  });

  it('filters by subnet, tag and verdict, with or without a search', async () => {
    const a = await write(review(8, { verdict: 'mine', tags: ['gpu', 'llm'] }));
    const b = await write(review(8, { verdict: null, confidence: null, tags: ['cpu'] }));
    const c = await write(review(9, { verdict: 'skip', tags: ['gpu'] }));
    const ids = async (f: object) => (await list(f)).map((n) => n.id).sort();
    expect(await ids({ netuid: 8 })).toEqual([a.id, b.id].sort());
    expect(await ids({ tag: 'GPU' })).toEqual([a.id, c.id].sort());
    expect(await ids({ verdict: 'skip' })).toEqual([c.id]);
    expect(await ids({ verdict: 'none' })).toEqual([b.id]);
    expect(await ids({ query: 'latency', tag: 'gpu', netuid: 9 })).toEqual([c.id]);
    expect(await t.ok<TagCount[]>('notes.tags')).toEqual([
      { tag: 'gpu', count: 2 },
      { tag: 'cpu', count: 1 },
      { tag: 'llm', count: 1 },
    ]);
  });

  it('lists the newest notes first, with the start of the body as excerpt', async () => {
    const older = await write(review(1, { body: '# Heading\n\nFirst   paragraph.' }));
    const newer = await write(review(2));
    const all = await list();
    expect(all.map((n) => n.id)).toEqual([newer.id, older.id]);
    expect(all[1]!.excerpt).toBe('# Heading First paragraph.');
  });
});

describe('notes: current verdict per subnet', () => {
  it('is the verdict of the subnet’s most recently updated note that has one', async () => {
    const first = await write(review(8, { verdict: 'mine', confidence: 'high' }));
    const second = await write(review(8, { verdict: 'skip', confidence: 'low' }));
    await write(review(8, { verdict: null, confidence: null })); // newest, but no verdict: does not count
    await write(review(11, { verdict: 'watch', confidence: null }));
    let verdicts = await t.ok<SubnetVerdict[]>('notes.currentVerdicts');
    expect(verdicts.map((v) => [v.netuid, v.verdict, v.confidence, v.noteId])).toEqual([
      [8, 'skip', 'low', second.id],
      [11, 'watch', null, expect.any(String)],
    ]);

    // Editing the older note makes it the most recent one.
    t.clock.ms += 1000;
    await t.ok('notes.save', {
      id: first.id,
      content: review(8, { verdict: 'mine', confidence: 'high', body: 'Re-checked.' }),
      kind: 'autosave',
    });
    verdicts = await t.ok<SubnetVerdict[]>('notes.currentVerdicts');
    expect(verdicts[0]).toEqual({
      netuid: 8,
      verdict: 'mine',
      confidence: 'high',
      noteId: first.id,
      updatedAtMs: t.clock.ms,
    });
  });
});
