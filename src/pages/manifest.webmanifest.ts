// The web app manifest: lets a trainee add the handbook to the home screen and open it full-screen.
import { config, t } from '../site/config.ts';

export function GET() {
  const manifest = {
    name: config.title,
    short_name: config.title,
    description: t('home.intro'),
    lang: config.lang,
    start_url: config.base,
    scope: config.base,
    display: 'standalone',
    background_color: '#fbfbfa',
    theme_color: '#0b5cad',
    icons: [
      { src: `${config.base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: `${config.base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/manifest+json' } });
}
