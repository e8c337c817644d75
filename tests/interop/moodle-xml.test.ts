import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportQuestions, readImportFile } from '../../src/lib/interop/index.ts';
import { MOODLE_FRACTIONS, correctFractions } from '../../src/lib/interop/fractions.ts';
import { byId, comparable, exportContext, FIXTURES, loadMappingQuestions, PNG, roundTrip } from './support.ts';

type Node = Record<string, any>;
const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-moodle-'));
const modules = new Map([['communication', [] as string[]], ['system-ops', [] as string[]]]);

/** Parses our XML as Moodle's importer walks it (question/format/xml/format.php): quiz → question[@type] → named children. */
async function exportedQuestions() {
  const { bytes, notes } = await exportQuestions(loadMappingQuestions(), 'moodle-xml', exportContext);
  const xml = bytes.toString('utf8');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['question', 'answer', 'tag', 'file'].includes(name), parseTagValue: false });
  const questions = parser.parse(xml).quiz.question as Node[];
  const text = (node: Node | undefined) => String(node?.text ?? '');
  let category = '';
  const byIdnumber = new Map<string, Node & { category: string }>();
  const categories: string[] = [];
  for (const q of questions) {
    if (q['@type'] === 'category') categories.push((category = text(q.category)));
    else byIdnumber.set(String(q.idnumber), { ...q, category });
  }
  return { xml, categories, byIdnumber, text, notes };
}

const fractions = (q: Node) => (q.answer as Node[]).map((a) => Number(a['@fraction']));

describe('Moodle XML export, per mapping rule', () => {
  it('puts each module in trainbook/<bank version>/<module>, without $course$, and a case with a written part in a category of its own', async () => {
    const { categories, byIdnumber, xml } = await exportedQuestions();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')).toBe(true);
    expect(categories).toEqual(['trainbook/1.0.0/communication', 'trainbook/1.0.0/communication/map-009']);
    expect(xml).not.toContain('$course$');
    expect(byIdnumber.get('map-009')).toMatchObject({ '@type': 'description', category: 'trainbook/1.0.0/communication/map-009', defaultgrade: '0' });
    expect(byIdnumber.get('map-009-p1')).toMatchObject({ '@type': 'multichoice', single: 'false', defaultgrade: '3' });
    expect(byIdnumber.get('map-009-p2')).toMatchObject({ '@type': 'essay', defaultgrade: '3' });
  });

  it('uses our id as idnumber and the points as default grade', async () => {
    const { byIdnumber } = await exportedQuestions();
    expect([...byIdnumber.keys()].filter((id) => !id.includes('-p'))).toEqual(loadMappingQuestions().map((q) => q.id));
    expect(byIdnumber.get('map-002')!.defaultgrade).toBe('3');
  });

  it('single: one option at 100 %, the others 0; a pinned option turns shuffling off and travels as a tag', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    const q = byIdnumber.get('map-001')!;
    expect(q).toMatchObject({ '@type': 'multichoice', single: 'true', shuffleanswers: 'false' });
    expect(fractions(q)).toEqual([0, 100, 0, 0]);
    expect((q.tags.tag as Node[]).map(text)).toContain('trainbook:pin=D');
    expect(byIdnumber.get('map-002')!.shuffleanswers).toBe('true');
  });

  it('images: base64 <file> beside the text, referenced as @@PLUGINFILE@@', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    const q = byIdnumber.get('map-001')!;
    expect(text(q.questiontext)).toContain('<img src="@@PLUGINFILE@@/order-page.png" alt="订单详情页">');
    expect(q.questiontext.file).toEqual([{ '#text': PNG.toString('base64'), '@name': 'order-page.png', '@path': '/', '@encoding': 'base64' }]);
  });

  it('multiple: correct options share 100 % from Moodle’s list, wrong options are −100 %', async () => {
    const { byIdnumber } = await exportedQuestions();
    for (const [id, correct] of [['map-002', 3], ['map-003', 6]] as const) {
      const values = fractions(byIdnumber.get(id)!);
      const positive = values.filter((v) => v > 0);
      expect(positive.length).toBe(correct);
      expect(positive.every((v) => (MOODLE_FRACTIONS as readonly number[]).includes(v))).toBe(true);
      expect(Math.abs(positive.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.0001);
      expect(values.filter((v) => v <= 0).every((v) => v === -100)).toBe(true);
    }
    expect(fractions(byIdnumber.get('map-002')!)).toEqual([33.33333, 33.33333, -100, 33.33333]);
  });

  it('finds shares for every count of correct options Moodle can express, and refuses more than 20', () => {
    for (let count = 1; count <= 20; count++) {
      const shares = correctFractions(count);
      expect(shares).toHaveLength(count);
      expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.0001);
    }
    expect(correctFractions(11)).toEqual([...Array(9).fill(10), 5, 5]);
    expect(() => correctFractions(21)).toThrow(RangeError);
  });

  it('truefalse: `true` and `false` answers, the right one at 100 %', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    const q = byIdnumber.get('map-004')!;
    expect((q.answer as Node[]).map((a) => [text(a), a['@fraction']])).toEqual([['true', '100'], ['false', '0']]);
  });

  it('fill with one blank: shortanswer, case-insensitive, with the full- and half-width variants the site accepts', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    const q = byIdnumber.get('map-005')!;
    expect(q).toMatchObject({ '@type': 'shortanswer', usecase: '0' });
    expect((q.answer as Node[]).map(text)).toEqual(['FCR', 'ＦＣＲ', '首解率']);
    expect((q.answer as Node[]).every((a) => a['@fraction'] === '100')).toBe(true);
  });

  it('fill with several blanks: a cloze with one SHORTANSWER field per blank', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    const q = byIdnumber.get('map-006')!;
    expect(q['@type']).toBe('cloze');
    expect(text(q.questiontext)).toBe('<p>投诉处理的顺序是先{1:SHORTANSWER:=道歉~=致歉}、再倾听、后{1:SHORTANSWER:=解决}。</p>');
  });

  it('short: essay with the reference answer and scoring points in the grader information', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    const q = byIdnumber.get('map-007')!;
    expect(q).toMatchObject({ '@type': 'essay', responseformat: 'editor', defaultgrade: '5' });
    expect(text(q.graderinfo)).toContain('<p>确认理解无误，让客户感到被倾听，减少重复沟通。</p>');
    expect(text(q.graderinfo)).toContain('<li>确认理解无误（3分）</li>');
  });

  it('case with objective parts only: one cloze, the scenario then each part with its field', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    const q = byIdnumber.get('map-008')!;
    expect(q).toMatchObject({ '@type': 'cloze', category: 'trainbook/1.0.0/communication' });
    const html = text(q.questiontext);
    expect(html).toContain('<p>客户来电说快递显示已签收，但本人没有收到包裹，语气很着急。</p>');
    expect(html).toContain('{2:MULTICHOICE_VS:“系统显示已签收，您再找找。”~=“别着急，我马上帮您核实签收情况。”~“这要找快递公司。”}');
    expect(html).toContain('{1:MULTICHOICE_V:=正确~错误}');
    expect(html).toContain('（3）核实签收情况时要联系{2:SHORTANSWER:=快递公司~=快递员}。');
  });

  it('keeps GIFT and cloze special characters as text', async () => {
    const { byIdnumber, text } = await exportedQuestions();
    expect(text(byIdnumber.get('map-002')!.questiontext)).toContain('{花括号}、~波浪号、=等号=、#井号 和 a:b 冒号');
  });

  it('round trip: every mapping question comes back unchanged, its image included', async () => {
    const questions = loadMappingQuestions();
    const { back, read } = await roundTrip(questions, 'moodle-xml', path.join(dir, 'mapping.xml'), modules);
    expect(read.images).toEqual([{ name: 'order-page.png', bytes: new Uint8Array(PNG) }]);
    expect(back.map(comparable).sort(byId)).toEqual(questions.map(comparable).sort(byId));
  });
});

describe('Moodle XML import of what Moodle exports', () => {
  it('maps each type, reads the module from the category, and lists what it cannot hold by name', async () => {
    const read = await readImportFile(path.join(FIXTURES, 'moodle-import.xml'), 'moodle-import.xml', { modules: ['communication', 'system-ops'] });
    expect(read.diagnostics).toEqual([]);
    expect(read.skipped.map((s) => `${s.place && 'line' in s.place ? s.place.line : ''} ${s.sourceType} ${s.name}`)).toEqual(['139 description 本章说明', '147 matching 工单类型配对', '156 calculated 平均处理时长']);
    const drafts = read.drafts.map(({ origin: _origin, ...d }) => d);
    expect(drafts.map((d) => [d.type, d.module])).toEqual([
      ['single', 'system-ops'],
      ['multiple', 'system-ops'],
      ['truefalse', 'system-ops'],
      ['fill', 'system-ops'],
      ['short', 'system-ops'],
      ['fill', 'system-ops'],
      ['case', 'system-ops'],
    ]);
    expect(drafts[0]).toMatchObject({ stem: '创建**投诉工单**时，必须填写哪一项？\n\n![工单表单](assets/ticket-form.png)', options: ['客户的生日', '客户的联系方式', '客户的职业'], answer: 'B', points: 1, tags: ['工单'] });
    expect(read.images.map((i) => [i.name, Buffer.from(i.bytes).equals(PNG)])).toEqual([['ticket-form.png', true]]);
    // Shuffling off in Moodle: every option keeps its place.
    expect(drafts[1]).toMatchObject({ id: 'ops-901', answer: ['A', 'B'], options: [{ text: '告诉客户要转接', pin: true }, { text: '说明转接的原因', pin: true }, { text: '直接转接，不必说明', pin: true }] });
    expect(drafts[2]).toMatchObject({ answer: false, explanation: '录音含有客户信息，只能按规定调取。' });
    // Width variants fold back into one answer; partial-credit answers are not accepted answers.
    expect(drafts[3]).toMatchObject({ stem: '客服查找标准答复的系统叫什么？ ____', answers: [['知识库', 'KB']] });
    expect(drafts[4]).toMatchObject({ reference: '致歉、说明情况、登记信息、约定回电。', scoring: [{ point: '按参考答案评分', points: 4 }] });
    expect(drafts[5]).toMatchObject({ stem: '工单创建后先由____处理，超出权限时____给____。', answers: [['一线客服', '一线'], '升级', '二线~支持'] });
    expect(drafts[6]).toMatchObject({
      stem: '上午十点客服系统突然无法登录，客户来电询问订单。',
      parts: [
        { type: 'single', stem: '客服首先应该：', answer: 'B', points: 2, options: ['道歉并说明系统异常', '先登记客户信息，稍后回电', '让客户明天再打'] },
        { type: 'truefalse', stem: '可以凭记忆告诉客户订单状态。', answer: false, points: 1 },
      ],
    });
  });

  it('decodes entities in plain text but leaves CDATA as written', async () => {
    const file = path.join(dir, 'entities.xml');
    (await import('node:fs')).writeFileSync(
      file,
      '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n    <name><text>A &amp; B</text></name>\n    <questiontext format="plain_text"><text>退款 &lt; 100 元 &#x4E2D;&#25991;</text></questiontext>\n    <generalfeedback format="html"><text><![CDATA[<p>写作 &lt;b&gt; 的不是标签</p>]]></text></generalfeedback>\n    <idnumber>com-990</idnumber>\n    <answer fraction="100"><text>true</text></answer>\n    <answer fraction="0"><text>false</text></answer>\n  </question>\n</quiz>\n',
    );
    const read = await readImportFile(file, 'entities.xml', { module: 'communication', modules: ['communication'] });
    expect(read.drafts.map(({ origin: _origin, ...d }) => d)).toEqual([
      { id: 'com-990', rev: 1, module: 'communication', level: 'basic', difficulty: 2, tags: [], visibility: 'exam', type: 'truefalse', answer: true, stem: '退款 < 100 元 中文', explanation: '写作 <b> 的不是标签' },
    ]);
  });

  it('reports malformed XML at its line', async () => {
    const file = path.join(dir, 'broken.xml');
    (await import('node:fs')).writeFileSync(file, '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n</quiz>\n');
    const read = await readImportFile(file, 'broken.xml', { modules: ['communication'] });
    expect(read.diagnostics.map((d) => [d.ruleId, d.place])).toEqual([['interop/xml-syntax', { line: 4, column: 1 }]]);
  });
});

void readFileSync;
