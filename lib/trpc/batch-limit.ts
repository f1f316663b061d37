// Procedures per batched HTTP request: the client's link splits larger batches, the server
// refuses them (400). A page's first render batches a dozen queries at most.
export const TRPC_MAX_BATCH_SIZE = 40;
