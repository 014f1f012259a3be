// Runs in: popup. Mounts the app.
import { createRoot } from 'react-dom/client';
import '../../assets/card.css';
import '../../assets/popup.css';
import { App } from './app';

createRoot(document.getElementById('root')!).render(<App />);
