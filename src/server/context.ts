// The JSON-LD context lives with the graph code (the build uses it for dataset.jsonld); re-exported here for the routes.
export * from '../graph/context.js';
