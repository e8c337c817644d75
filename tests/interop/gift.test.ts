import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { exportQuestions, readImportFile } from '../../src/lib/interop/index.ts';
import { escapeText } from '../../src/lib/interop/gift.ts';
import { byId, comparable, exportContext, FIXTURES, loadMappingQuestions, loadSample, roundTrip } from './support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-gift-'));
const modules = new Map([['communication', [] as string[]], ['service-mindset', [] as string[]]]);

async function parsedExport() {
  const exported = await exportQuestions(loadMappingQuestions(), 'gift', exportContext);
  // An independent parser (gift-pegjs) reads what we wrote.
  const questions = parse(exported.bytes.toString('utf8')) as any[];
  return { exported, questions, byTitle: new Map(questions.filter((q) => q.title).map((q) => [q.title, q])) };
}

describe('GIFT export, read back by gift-pegjs', () => {
  it('parses the whole sample bank without a syntax error', async () => {
    const { bank } = await loadSample();
    const { bytes } = await exportQuestions(bank.questions, 'gift', exportContext);
    const questions = parse(bytes.toString('utf8')) as any[];
    expect(questions.filter((q) => q.type === 'Category').map((q) => q.title).slice(0, 2)).toEqual(['trainbook/1.0.0/communication', 'trainbook/1.0.0/communication/com-018']);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['Category', 'MC', 'TF', 'Short', 'Essay', 'Description']));
  });

  it('writes ids and tags as Moodle reads them, and text as Markdown with its special characters escaped', async () => {
    const { byTitle } = await parsedExport();
    const q = byTitle.get('map-002');
    expect(q.id).toBe('map-002');
    expect(q.tags).toEqual(['倾听', 'trainbook:difficulty=2', 'trainbook:level=basic', 'trainbook:visibility=exam', 'trainbook:rev=1', 'trainbook:points=3']);
    expect(q.stem).toEqual({ format: 'markdown', text: '积极倾听包括哪些做法？注意 {花括号}、~波浪号、=等号=、#井号 和 a:b 冒号都要原样保留。' });
    expect(q.choices.map((c: any) => c.weight)).toEqual([33.33333, 33.33333, -100, 33.33333]);
    expect(q.globalFeedback.text).toBe('打断客户不属于倾听。');
  });

  it('maps single to one right answer, truefalse to TRUE/FALSE, one blank to a missing word, short to an essay', async () => {
    const { byTitle } = await parsedExport();
    expect(byTitle.get('map-001').choices.map((c: any) => c.isCorrect)).toEqual([false, true, false, false]);
    expect(byTitle.get('map-001').stem.text).toContain('![订单详情页](assets/order-page.png)');
    expect(byTitle.get('map-001').tags).toContain('trainbook:pin=D');
    expect(byTitle.get('map-004')).toMatchObject({ type: 'TF', isTrue: true });
    expect(byTitle.get('map-005')).toMatchObject({ type: 'Short', stem: { text: '首次解决率的英文缩写是 _____ 。' } });
    expect(byTitle.get('map-005').choices.map((c: any) => c.text.text)).toEqual(['FCR', 'ＦＣＲ', '首解率']);
    expect(byTitle.get('map-007').type).toBe('Essay');
    expect(byTitle.get('map-007').globalFeedback.text).toContain('评分要点：\n- 确认理解无误（3分）\n- 让客户感到被倾听（2分）');
    // A blank line inside a text would end the question; it travels as \n.
    expect(byTitle.get('map-007').stem.text).toBe('请说明复述客户诉求的作用。\n\n至少写出两点。');
  });

  it('writes a case as a description and one question per part in a category of its own; several blanks are reported, not written', async () => {
    const { byTitle, questions, exported } = await parsedExport();
    expect(byTitle.get('map-008').type).toBe('Description');
    expect(questions.find((q) => q.type === 'Category' && q.title.endsWith('/map-008'))).toBeTruthy();
    expect(['map-008-p1', 'map-008-p2', 'map-008-p3'].map((t) => byTitle.get(t)?.type)).toEqual(['MC', 'TF', 'Short']);
    expect(byTitle.has('map-006')).toBe(false);
    expect(exported.skipped.map((s) => [s.name, s.reason])).toEqual([['map-006', 'several blanks: GIFT holds one blank per question (use --format moodle-xml)']]);
  });

  it('escapes every GIFT special character and blank lines', () => {
    expect(escapeText('a~b=c#d{e}f:g\\h\n\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\n\ni');
  });

  it('round trip: every mapping question GIFT can hold comes back unchanged', async () => {
    const questions = loadMappingQuestions();
    const { back } = await roundTrip(questions, 'gift', path.join(dir, 'mapping.gift'), modules);
    expect(back.map(comparable).sort(byId)).toEqual(questions.filter((q) => q.id !== 'map-006').map(comparable).sort(byId));
  });
});

describe('GIFT import', () => {
  it('reads the full syntax: comments with id and tags, $CATEGORY, titles, formats, escapes, weights, feedback, missing words', async () => {
    const read = await readImportFile(path.join(FIXTURES, 'full-syntax.gift'), 'full-syntax.gift', { modules: ['communication', 'service-mindset'] });
    expect(read.diagnostics).toEqual([]);
    expect(read.skipped.map((s) => [s.sourceType, s.name])).toEqual([['description', '说明'], ['matching', '配对'], ['numerical', '数值']]);
    const drafts = read.drafts.map(({ origin, ...d }) => ({ line: origin.place && 'line' in origin.place ? origin.place.line : 0, ...d }));
    expect(drafts[0]).toEqual({ line: 5, id: 'sm-901', rev: 1, module: 'service-mindset', level: 'basic', difficulty: 3, tags: ['礼仪'], visibility: 'exam', type: 'single', options: ['王总', '老王', '喂'], answer: 'A', stem: '客户自称“王总”时，客服应该怎样称呼他？', explanation: '用客户认可的称呼体现尊重。' });
    expect(drafts[1]).toMatchObject({ type: 'multiple', stem: '下列哪些是 **全角** 标点？注意 { } ~ = # : 要原样保留。', options: ['，', '。', ','], answer: ['A', 'B'] });
    expect(drafts[2]).toMatchObject({ type: 'truefalse', answer: false, explanation: '这是保密要求。' });
    expect(drafts[3]).toMatchObject({ type: 'fill', stem: '客户满意度的英文缩写是____，常用五分制。', answers: [['CSAT', '客户满意度']] });
    expect(drafts[4]).toMatchObject({ type: 'short', stem: '请写出**三种**安抚客户情绪的话术。', scoring: [{ point: '按参考答案评分', points: 1 }] });
  });
});
