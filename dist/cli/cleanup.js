export * from './cleanup/index.js';
