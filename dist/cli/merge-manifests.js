export * from './merge-manifests/index.js';
