// Runs in: options page. Mounts the settings page and follows the system's light or dark scheme, like the popup.
import { createRoot } from 'react-dom/client';
import '../../assets/card.css';
import '../../assets/options.css';
import { App } from './app';

// The palette (assets/card.css) is keyed on data-scheme on <html>; the page follows the system.
const dark = matchMedia('(prefers-color-scheme: dark)');
const setScheme = () => document.documentElement.setAttribute('data-scheme', dark.matches ? 'dark' : 'light');
setScheme();
dark.addEventListener('change', setScheme);

createRoot(document.getElementById('root')!).render(<App />);
