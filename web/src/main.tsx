import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n.ts';
import './styles.css';
import { App } from './app.tsx';

// zod's JIT probes `new Function` on first parse, which the CSP (no eval) refuses and Chrome reports
// as a CSP issue. Jitless parsing, set before zod loads (what z.config({ jitless: true }) sets,
// without pulling zod into this first chunk).
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = Object.assign(zodGlobal.__zod_globalConfig ?? {}, { jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// Japanese is bundled (ready at once); English waits for its chunk, so no Japanese flashes first.
void i18nReady.finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

// The web font's @font-face rules (fonts.css) once the page has loaded: they are not needed to show it.
const loadFonts = () => void import('./fonts.css');
if (document.readyState === 'complete') loadFonts();
else window.addEventListener('load', loadFonts, { once: true });
