export { createTranslator, UI_LANGUAGES, type Translate, type UiStringKey, type UiStrings } from './strings.ts';
