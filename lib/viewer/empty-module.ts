// Stands in for Node's `fs` and `path` in the browser bundle (Turbopack dev): the codecs'
// WebAssembly glue only reaches them when it runs under Node.
export {};
