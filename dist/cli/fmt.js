export * from './fmt/index.js';
