import "server-only";
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createSecureContext, createServer, type Server, type TlsOptions } from "node:tls";

// DICOM TLS (PS3.15 B.9, the BCP 195 TLS Secure Transport Connection Profile): TLS 1.2 or 1.3,
// with the BCP 195 (RFC 9325) cipher suites only: forward secrecy, AEAD. A CA turns on mutual
// TLS: the peer must present a certificate that CA issued, or the handshake fails before a DICOM
// byte is read. The handshake has the ARTIM delay to finish, so a silent client on this port
// costs what it costs on the plain one.

/** TLS 1.2 suites of BCP 195 in OpenSSL's names, strongest key exchange first. TLS 1.3 keeps its own (all AEAD). */
export const BCP195_TLS12_CIPHERS = [
  "ECDHE-ECDSA-AES128-GCM-SHA256",
  "ECDHE-RSA-AES128-GCM-SHA256",
  "ECDHE-ECDSA-AES256-GCM-SHA384",
  "ECDHE-RSA-AES256-GCM-SHA384",
  "DHE-RSA-AES128-GCM-SHA256",
  "DHE-RSA-AES256-GCM-SHA384",
].join(":");

export interface DicomTlsMaterial {
  /** PEM: the server's certificate (chain), its private key, and optionally the CA that issues peers' certificates. */
  cert: Buffer;
  key: Buffer;
  ca?: Buffer;
}

/**
 * Reads and checks the PEM files DICOM_TLS_CERT, DICOM_TLS_KEY and DICOM_TLS_CA name; an error names
 * the variables (others' for another listener with the same TLS profile: HL7_TLS_*).
 */
export function readDicomTlsMaterial(
  paths: { cert: string; key: string; ca?: string | undefined },
  variables: { cert: string; key: string; ca: string } = { cert: "DICOM_TLS_CERT", key: "DICOM_TLS_KEY", ca: "DICOM_TLS_CA" },
): DicomTlsMaterial {
  const read = (variable: string, file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(`${variable}: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const material: DicomTlsMaterial = {
    cert: read(variables.cert, paths.cert),
    key: read(variables.key, paths.key),
    ...(paths.ca ? { ca: read(variables.ca, paths.ca) } : {}),
  };
  // Parsed now, so that a key of another certificate or a file that is not PEM stops the start
  // before the database or any port is opened.
  try {
    createSecureContext({ cert: material.cert, key: material.key, ...(material.ca ? { ca: material.ca } : {}) });
    // OpenSSL skips what is not a certificate in a CA file: one without any would refuse every peer.
    if (material.ca) new X509Certificate(material.ca);
  } catch (error) {
    throw new Error(`${variables.cert}, ${variables.key}, ${variables.ca}: unusable: ${error instanceof Error ? error.message : String(error)}`);
  }
  return material;
}

export function createDicomTlsServer(material: DicomTlsMaterial, handshakeTimeoutMs: number): Server {
  const mutual = material.ca !== undefined;
  const options: TlsOptions = {
    cert: material.cert,
    key: material.key,
    ...(mutual ? { ca: material.ca } : {}),
    minVersion: "TLSv1.2",
    ciphers: BCP195_TLS12_CIPHERS,
    honorCipherOrder: true,
    // Enables the DHE suites with a group of the key's strength (RFC 7919).
    dhparam: "auto",
    requestCert: mutual,
    rejectUnauthorized: mutual,
    handshakeTimeout: handshakeTimeoutMs,
  };
  // createServer throws here on a key that does not match its certificate: the start fails, loudly.
  return createServer(options);
}
