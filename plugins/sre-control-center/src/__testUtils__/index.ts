export * from './fakeSignals';
