/**
 * Words trainees type around what they are looking for: question words, particles and fillers.
 * Pagefind requires every query word on a page, so these are dropped before searching.
 * Change the lists here; `tests/search/query.test.ts` pins how queries are cleaned.
 */

/**
 * Removed wherever they occur in the query (outside glossary words), longest first.
 * Each is two or more characters, so removing it cannot break up a content word by accident.
 */
export const FILLER_PHRASES: readonly string[] = [
  // Question words and how-to phrasing.
  '怎么办', '怎么做', '怎么说', '怎么回', '怎么处理', '怎么弄', '怎么样', '怎样', '怎么', '如何', '为什么', '为啥', '什么样', '什么', '干啥', '为啥子',
  '是不是', '能不能', '可不可以', '要不要', '有没有', '会不会', '可以吗', '行不行', '对不对', '好不好', '吗？',
  '哪些', '哪里', '哪个', '多少', '多久',
  // Hedges and fillers.
  '总是', '老是', '一直', '经常', '应该', '需要', '可以', '请问', '想问', '问一下', '一下', '的话', '时候', '遇到', '碰到', '如果', '还是',
  '我们', '我该', '咱们', '自己', '这个', '那个', '这种', '那种', '这样', '那样', '一些', '有点', '非常', '特别',
].sort((a, b) => b.length - a.length);

/** Single characters dropped only when the segmenter returns them as a word of their own. */
export const FILLER_CHARACTERS: ReadonlySet<string> = new Set([
  '的', '了', '吗', '啥', '呢', '吧', '啊', '呀', '嘛', '么', '哦', '哈', '是', '在', '就', '都', '也', '还', '很', '太', '又',
  '要', '会', '能', '让', '被', '把', '给', '跟', '和', '与', '或', '我', '你', '他', '她', '它', '们', '这', '那', '哪', '有', '没', '说', '做', '去', '来', '得', '地', '着', '过', '个', '该',
]);

/** English fillers, for mixed-language queries. */
export const FILLER_LATIN: ReadonlySet<string> = new Set(['how', 'to', 'what', 'is', 'the', 'a', 'an', 'of', 'do', 'i', 'why', 'can']);
