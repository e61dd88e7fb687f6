import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Billing console</h1>
    </main>
  </StrictMode>,
);
