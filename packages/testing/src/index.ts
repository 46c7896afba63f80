export * from './provider/index';
