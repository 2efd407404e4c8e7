import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/main.scss';
import { boot } from './app/boot';
import { Root } from './app/root';
import { createPlatformApi } from './platform/bridge';
import { installPlainMessages } from '@shared/models/messages';

// Every form, write and refusal names its field in plain words (no zod default message reaches a person).
installPlainMessages();

const api = createPlatformApi();
const root = createRoot(document.getElementById('root')!);
void boot(api).then((booted) => {
  root.render(
    <StrictMode>
      <Root api={api} booted={booted} />
    </StrictMode>,
  );
});
