export * from './fakeApi';
export * from './fakeSignals';
export * from './stackSnapshot';
