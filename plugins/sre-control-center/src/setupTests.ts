import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait for a condition; on a busy 2-core machine the first
// render of a card can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });
