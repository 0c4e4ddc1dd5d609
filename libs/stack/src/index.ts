export * from './lib/service-catalog';
export * from './lib/stack-supervisor';
