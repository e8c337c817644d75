// Settings for this handbook. Every field is optional; see src/lib/config.ts for defaults.
export default {
  title: '客服培训手册',
  // `zh-CN` or `en`: the interface language (content stays as written).
  lang: 'zh-CN',
  // Where the site will live; used for the sitemap.
  site: 'https://example.com',
  // Serve from a sub-path, e.g. '/handbook/'. Environment variable TRAINBOOK_BASE overrides it.
  base: '/',
  // Raw HTML in lessons: scripts, iframes, event handlers and hidden text are refused by `npm run check`.
  // Set to true only in a fully trusted repository.
  allowRawHtml: false,
};
