import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";

// A standard DICOMweb client (npm dicomweb-client, its browser build) in a page served from
// another origin than the product: what a hospital's own web viewer or a research tool is.
// The page reads the product's DICOMweb root and the access token from its URL's fragment
// (#dicomweb=…&token=…), searches the studies (QIDO-RS), retrieves the first one's metadata and
// one frame (WADO-RS), and shows what it got, or the HTTP status of the failure (0: the browser
// blocked the answer).

const CLIENT = readFileSync(path.join(process.cwd(), "node_modules/dicomweb-client/build/dicomweb-client.js"));

const PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Visionneuse DICOMweb externe (test)</title>
<script src="/dicomweb-client.js"></script></head>
<body>
<h1>Visionneuse DICOMweb externe</h1>
<p data-testid="status">Chargement…</p>
<ul data-testid="studies"></ul>
<p data-testid="metadata"></p>
<p data-testid="frame"></p>
<p data-testid="error"></p>
<script>
const params = new URLSearchParams(location.hash.slice(1));
const token = params.get("token");
const client = new DICOMwebClient.api.DICOMwebClient({ url: params.get("dicomweb"), headers: token ? { Authorization: "Bearer " + token } : {} });
const show = (id, text) => { const element = document.querySelector('[data-testid="' + id + '"]'); element.textContent = text; return element; };
const value = (dataset, tag) => { const item = dataset[tag] && dataset[tag].Value && dataset[tag].Value[0]; return item && typeof item === "object" ? item.Alphabetic : item; };
(async () => {
  try {
    const studies = await client.searchForStudies();
    const list = document.querySelector('[data-testid="studies"]');
    for (const study of studies) {
      const item = document.createElement("li");
      item.textContent = value(study, "00100010") + " — " + value(study, "00081030") + " — " + value(study, "0020000D");
      list.append(item);
    }
    show("status", studies.length + " examen(s)");
    if (studies.length === 0) return;
    const studyInstanceUID = value(studies[0], "0020000D");
    const metadata = await client.retrieveStudyMetadata({ studyInstanceUID });
    show("metadata", metadata.length + " instance(s) dans " + studyInstanceUID);
    const first = metadata[0];
    const frames = await client.retrieveInstanceFrames({ studyInstanceUID, seriesInstanceUID: value(first, "0020000E"), sopInstanceUID: value(first, "00080018"), frameNumbers: [1] });
    show("frame", "image 1 : " + frames[0].byteLength + " octets");
  } catch (error) {
    show("error", "Échec : statut " + error.status).dataset.status = String(error.status);
  }
})();
</script>
</body></html>`;

/** Serves the page on 127.0.0.1:`port`, its own origin. */
export async function startExternalViewer(port: number): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === "/dicomweb-client.js") res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" }).end(CLIENT);
    else if (req.url === "/" || req.url?.startsWith("/#")) res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(PAGE);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
