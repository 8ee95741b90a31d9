export * from './fakeApi';
export * from './fakeSignals';
export * from './stackSnapshot';
export * from './operations';
export * from './renderOperationsPage';
export * from './fakeFetch';
