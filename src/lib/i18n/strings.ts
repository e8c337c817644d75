/**
 * Every string the site shows that is not content, in one place.
 * Switching `lang` in `trainbook.config.mjs` switches the whole interface.
 */
const zhCN = {
  'site.skipToContent': '跳到正文',
  'site.home': '首页',
  'site.course': '课程',
  'site.footer': '由 trainbook 构建',
  'site.bankVersion': '题库版本',
  'site.lastChange': '最近更新',
  'search.label': '搜索手册',
  'search.placeholder': '搜索课程内容，按 / 聚焦',
  'search.submit': '搜索',
  'search.title': '搜索',
  'search.noScript': '搜索需要启用 JavaScript。也可以从首页按模块浏览全部课程。',
  'search.filterModule': '模块',
  'home.title': '课程总览',
  'home.intro': '按模块顺序学习，每节课末尾都有自测题。',
  'home.lessons': '{n} 节课',
  'home.minutes': '约 {n} 分钟',
  'home.start': '开始学习',
  'module.objectives': '学习目标',
  'module.lessons': '课程列表',
  'module.print': '打印本模块讲义',
  'module.practice': '模块自测',
  'module.estimated': '预计 {n} 分钟（含练习）',
  'lesson.breadcrumb': '当前位置',
  'lesson.duration': '{n} 分钟',
  'lesson.level': '难度',
  'lesson.updated': '更新于 {date}',
  'lesson.objectives': '本节目标',
  'lesson.toc': '本页目录',
  'lesson.previous': '上一节',
  'lesson.next': '下一节',
  'lesson.pagination': '课程翻页',
  'level.basic': '基础',
  'level.advanced': '进阶',
  'level.expert': '专家',
  'callout.tip': '提示',
  'callout.warning': '注意',
  'callout.example': '示例',
  'print.contents': '目录',
  'print.handout': '培训讲义',
  'print.button': '打印',
  'print.hint': '用浏览器的“打印”（Ctrl/⌘+P）另存为 PDF 或直接打印。',
  'notFound.title': '页面不存在',
  'notFound.body': '链接可能已经过期，或者地址输入有误。',
  'notFound.back': '返回首页',
} as const;

export type UiStringKey = keyof typeof zhCN;
export type UiStrings = Record<UiStringKey, string>;

const en: UiStrings = {
  'site.skipToContent': 'Skip to content',
  'site.home': 'Home',
  'site.course': 'Course',
  'site.footer': 'Built with trainbook',
  'site.bankVersion': 'Question bank version',
  'site.lastChange': 'Last updated',
  'search.label': 'Search the handbook',
  'search.placeholder': 'Search lessons, press / to focus',
  'search.submit': 'Search',
  'search.title': 'Search',
  'search.noScript': 'Search needs JavaScript. You can browse every lesson from the home page.',
  'search.filterModule': 'Module',
  'home.title': 'Course overview',
  'home.intro': 'Work through the modules in order; every lesson ends with a self-check.',
  'home.lessons': '{n} lessons',
  'home.minutes': 'about {n} min',
  'home.start': 'Start',
  'module.objectives': 'Objectives',
  'module.lessons': 'Lessons',
  'module.print': 'Print this module as a handout',
  'module.practice': 'Module self-check',
  'module.estimated': 'about {n} min including practice',
  'lesson.breadcrumb': 'Breadcrumb',
  'lesson.duration': '{n} min',
  'lesson.level': 'Level',
  'lesson.updated': 'Updated {date}',
  'lesson.objectives': 'In this lesson',
  'lesson.toc': 'On this page',
  'lesson.previous': 'Previous',
  'lesson.next': 'Next',
  'lesson.pagination': 'Lesson navigation',
  'level.basic': 'Basic',
  'level.advanced': 'Advanced',
  'level.expert': 'Expert',
  'callout.tip': 'Tip',
  'callout.warning': 'Warning',
  'callout.example': 'Example',
  'print.contents': 'Contents',
  'print.handout': 'Training handout',
  'print.button': 'Print',
  'print.hint': 'Use your browser’s Print (Ctrl/⌘+P) to print or save as PDF.',
  'notFound.title': 'Page not found',
  'notFound.body': 'The link may be out of date or the address mistyped.',
  'notFound.back': 'Back to the home page',
};

const DICTIONARIES: Record<string, UiStrings> = { 'zh-CN': zhCN, en };

/** The interface languages trainbook ships. */
export const UI_LANGUAGES = Object.keys(DICTIONARIES);

/**
 * Returns a translate function for `lang`; `{n}`-style placeholders are filled from `values`.
 * @example createTranslator('zh-CN')('home.lessons', { n: 3 }) // => '3 节课'
 */
export function createTranslator(lang: string) {
  const strings = DICTIONARIES[lang];
  if (!strings) throw new TypeError(`createTranslator: unknown language \`${lang}\`, expected one of ${UI_LANGUAGES.join(', ')}`);
  return (key: UiStringKey, values: Record<string, string | number> = {}) =>
    strings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
export type Translate = ReturnType<typeof createTranslator>;
