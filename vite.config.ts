/**
 * Build of the Resonance PWA: React app from index.html + src/app/main.tsx, and a service worker
 * compiled from sw/sw.ts by vite-plugin-pwa ("injectManifest": we write the worker, the plugin injects
 * the list of files to precache). We register the worker ourselves (src/app/pwa/register.ts) so the
 * update is applied only when the user agrees and nothing unsynced or half-typed is at risk (sync.md D4).
 *
 * Traps:
 * - Every file the app may load offline must match `globPatterns`, lazy route chunks included; a chunk
 *   missing from the precache shows up only as a blank screen offline. tests/build/precache.test.ts
 *   checks the built list against dist/assets.
 * - The manifest and its icons live here, not in public/, so the plugin can add them to the precache
 *   with content hashes; the PNGs are drawn by tests/build/make-icons.ts and committed.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { writeValidators } from './src/db/validators-build';

/** Calm palette (style: deep teal on off-white); also drawn into the icons by make-icons.ts. */
const THEME_COLOR = '#0b5563';
const BACKGROUND_COLOR = '#f7f5f0';

/**
 * Workbox refuses to precache files above 2 MiB by default and only warns. The app's biggest chunk
 * (RxDB and its storage) stays well below 5 MiB; above that something has gone wrong, and we would
 * rather fail the build (the plugin throws when a file is skipped for size) than ship an app that
 * breaks offline.
 */
const MAX_PRECACHE_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Head tags that belong with the manifest: favicon, iOS home-screen icon (iOS ignores manifest icons)
 * and the browser UI colour. Added here so index.html (owned by the app shell) cannot drift from the
 * manifest; a tag index.html already has is not added twice.
 */
function pwaHeadTags(): Plugin {
  const tags: { test: RegExp; tag: HtmlTagDescriptor }[] = [
    {
      test: /rel=["']icon["']/,
      tag: { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' } },
    },
    {
      test: /rel=["']apple-touch-icon["']/,
      tag: { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon-180.png' } },
    },
    {
      test: /name=["']theme-color["']/,
      tag: { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR } },
    },
  ];
  return {
    name: 'resonance:pwa-head-tags',
    transformIndexHtml(html) {
      return tags.filter(({ test }) => !test.test(html)).map(({ tag }) => ({ ...tag, injectTo: 'head' }));
    },
  };
}

/**
 * Regenerates src/db/validators.generated.ts from the JSON Schemas before every build and dev start,
 * so the app always ships validators of its current schemas without Ajv's compiler (validators-build.ts).
 */
function generatedValidators(): Plugin {
  return {
    name: 'resonance:generated-validators',
    buildStart() {
      if (writeValidators()) this.info('regenerated src/db/validators.generated.ts from the schemas');
    },
  };
}

/**
 * React Router 7's package.json points every bundler at its development build (remix-run/react-router
 * issues 12532 and 14102), whose only difference is ENABLE_DEV_WARNINGS = true: development warnings
 * and their checks in the shipped app. The build takes the production files instead; the dev server
 * keeps the warnings.
 */
function reactRouterProductionBuild(): Plugin {
  const dist = fileURLToPath(new URL('./node_modules/react-router/dist/production/', import.meta.url));
  return {
    name: 'resonance:react-router-production',
    apply: 'build',
    config: () => ({
      resolve: {
        alias: [
          { find: /^react-router$/, replacement: `${dist}index.mjs` },
          { find: /^react-router\/dom$/, replacement: `${dist}dom-export.mjs` },
        ],
      },
    }),
  };
}

export default defineConfig({
  build: {
    outDir: 'dist',
    // Old donated tablets run old Chromium/Safari; ES2020 covers Chrome 80+/Safari 14+, which is what
    // IndexedDB-heavy RxDB needs anyway, and avoids shipping down-levelled bloat for older engines.
    target: 'es2020',
    // Source maps help debug on a device, and are not precached (globPatterns below skips *.map).
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Libraries in chunks of their own, apart from our code. Why: the precache re-downloads only
          // files whose hash changed, so an app update costs a tablet on a weak signal our few tens of KB
          // instead of the whole ~250 KB of libraries. Two groups, not one per package: each chunk is a
          // request, and these libraries are upgraded together anyway.
          // The packages are listed by name (not "all node_modules") so a library that only a lazy
          // route uses stays in that route's chunk, and RxDB's dev-mode plugin (loaded only in
          // development) stays out of the first screen.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            {
              name: 'data',
              test: (id: string) =>
                /node_modules[\\/](rxdb|dexie|rxjs|ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse|mingo|broadcast-channel|event-reduce-js|binary-decision-diagram|custom-idle-queue|oblivious-set|unload|array-push-at-sort-position|tslib)[\\/]/.test(id) &&
                !/[\\/]plugins[\\/]dev-mode[\\/]/.test(id),
              priority: 1,
            },
            // The schemas and the local write path: shared by the boot chunk and the feature pages, so
            // without a group they split into seven files under 1.5 KB each, every one fetched by a
            // signed-in cold start (and each costing gzip and request overhead of its own).
            {
              name: 'store',
              test: /[\\/]src[\\/](shared[\\/]schemas[\\/]|db[\\/](outbox|outbox-settle|errors)\.ts|shared[\\/]domain[\\/]held\.ts)/,
              priority: 0,
            },
          ],
        },
      },
    },
  },
  plugins: [
    generatedValidators(),
    reactRouterProductionBuild(),
    react(),
    pwaHeadTags(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // We register in src/app/pwa/register.ts: the plugin's auto-registration would not let us hold the
      // update while forms are half-filled or writes unsynced.
      injectRegister: false,
      // 'prompt': the plugin must not add skipWaiting/clientsClaim behaviour of its own.
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      // Icons and the favicon are precached by the glob below; letting the plugin add them as well would
      // list each twice. The plugin still adds the manifest itself, with a revision of its content.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Resonance',
        short_name: 'Resonance',
        description:
          'Record casework, visits and feedback offline, help clients get online, and see the whole picture at base.',
        lang: 'en-GB',
        dir: 'ltr',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        display: 'standalone',
        // Shared tablets are used in both orientations; do not lock.
        orientation: 'any',
        start_url: '/',
        scope: '/',
        categories: ['productivity', 'business'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // Everything the app shell may need offline: every JS chunk (lazy routes too), CSS, the HTML,
        // fonts, the favicon and icons. Not *.webmanifest: the plugin adds the manifest entry itself.
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,webp,jpg,ico}'],
        globIgnores: ['**/*.map', 'sw.js'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
        // One self-contained classic script: it runs on every browser that has service workers (Firefox
        // only recently gained module workers) and registers without `type: 'module'`.
        rollupFormat: 'iife',
      },
      devOptions: {
        // The worker also runs under `vite dev` so offline behaviour can be tried without a build; Vite
        // serves it unbundled, hence a module worker there (register.ts picks the matching type).
        enabled: true,
        type: 'module',
        navigateFallback: 'index.html',
      },
    }),
  ],
});
