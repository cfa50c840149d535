export * from './console/index.js';
