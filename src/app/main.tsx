import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import './zodConfig';
import { preloadLessonAssets } from '../lesson/preload';

// A lesson opened directly starts fetching its diagram renderer before React has even rendered.
preloadLessonAssets(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
