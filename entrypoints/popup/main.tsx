// Runs in: popup. Mounts the app.
import { createRoot } from 'react-dom/client';
import '../../assets/card.css';
import '../../assets/popup.css';
import { App } from './app';

// The card's dark palette is keyed on data-scheme; the popup follows the system.
const dark = matchMedia('(prefers-color-scheme: dark)');
const setScheme = () => document.documentElement.setAttribute('data-scheme', dark.matches ? 'dark' : 'light');
setScheme();
dark.addEventListener('change', setScheme);

createRoot(document.getElementById('root')!).render(<App />);
