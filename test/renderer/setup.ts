import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installPlainMessages } from '@shared/models/messages';

// As renderer/src/main.tsx does at start.
installPlainMessages();

// findBy…/waitFor give up after 1 s by default; a loaded two-core CI machine can take longer to render.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
