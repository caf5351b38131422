import '@mantine/core/styles.css';
import './app/focus.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { guardFormState } from './app/form-state-guard';
import { reportUncaughtProblems } from './app/problems';

// The body, not only #root: dialogs render into portals beside it.
guardFormState(document.body);
reportUncaughtProblems();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
