import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Subnet symbols in any script, on any OS (resources/fonts/README.md).
import '../../resources/fonts/symbols.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
