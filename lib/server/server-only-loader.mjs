// Node resolve hook for the custom server process (lib/server/main.ts). Next resolves the
// 'server-only' marker with the react-server condition; plain Node does not, and the package
// would throw. This process is the server, so the marker resolves to an empty module here.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return nextResolve(specifier, context);
}
