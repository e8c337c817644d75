import type { BankChanges } from './diff.ts';

const TYPE_NAMES: Record<string, string> = { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空', short: '简答', case: '案例' };
const FIELD_NAMES: Record<string, string> = {
  type: '题型', stem: '题干', options: '选项', answer: '答案', answers: '答案', reference: '参考答案', scoring: '评分要点', parts: '小题',
  explanation: '解析', points: '分值', module: '模块', lesson: '课程', level: '级别', difficulty: '难度', tags: '标签', visibility: '可见性', retired: '停用',
};

/** Returns field names as reviewers read them: `stem` → `题干 stem`. */
export function describeFields(fields: readonly string[]): string {
  return fields.map((f) => `${FIELD_NAMES[f] ?? f} \`${f}\``).join('、');
}

/**
 * Returns a Markdown summary of bank changes for a pull-request comment or the CHANGELOG,
 * in the order reviewers need: what is new, what changed and how, what left.
 */
export function formatChangesMarkdown(changes: BankChanges, heading: string): string {
  const lines = [heading, ''];
  const tag = (visibility: string) => (visibility === 'exam' ? '考试' : '练习');
  if (changes.added.length) {
    lines.push(`### 新增 Added (${changes.added.length})`, '');
    for (const q of changes.added) lines.push(`- \`${q.id}\` ${TYPE_NAMES[q.type] ?? q.type} · ${tag(q.visibility)} · ${q.module}：${q.stem}`);
    lines.push('');
  }
  if (changes.changed.length) {
    lines.push(`### 修改 Changed (${changes.changed.length})`, '');
    for (const q of changes.changed) {
      const rev = q.fromRev === q.rev ? `rev ${q.rev}` : `rev ${q.fromRev} → ${q.rev}`;
      lines.push(`- \`${q.id}\` ${rev}：${describeFields(q.fields) || '（仅修订号）'} — ${q.stem}`);
    }
    lines.push('');
  }
  if (changes.retired.length) {
    lines.push(`### 停用 Retired (${changes.retired.length})`, '');
    for (const q of changes.retired) lines.push(`- \`${q.id}\` ${TYPE_NAMES[q.type] ?? q.type} · ${tag(q.visibility)}：${q.stem}`);
    lines.push('');
  }
  if (changes.deleted.length) {
    lines.push(`### ⚠️ 删除 Deleted (${changes.deleted.length}) — not allowed, use \`retired: true\``, '');
    for (const q of changes.deleted) lines.push(`- \`${q.id}\` rev ${q.rev}：${q.stem}`);
    lines.push('');
  }
  if (lines.length === 2) lines.push('No question changed.', '');
  return lines.join('\n');
}

/** Returns a plain-text summary for the terminal. */
export function formatChangesText(changes: BankChanges): string {
  return formatChangesMarkdown(changes, '').replace(/^### /gm, '').replace(/`/g, '').trim();
}
