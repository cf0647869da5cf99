/**
 * The dev server's https certificates (Office's own dev certificates from office-addin-dev-certs).
 *
 * On Linux the package trusts its CA by running `sudo sh install_linux.sh` (lib/install.js), and its
 * uninstall step runs sudo too: as root (no sudo installed) or without a password that prints a failed
 * sudo on every `npm start`. Browsers on Linux keep their own certificate store anyway, so on Linux SOIL
 * only generates the certificates (once, in ~/.office-addin-dev-certs) and serves https with them; on
 * Windows and macOS the package installs the CA as it documents (no sudo there for the current user).
 */
const fs = require("fs");

async function devHttpsOptions({ platform = process.platform, log = console.warn } = {}) {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  if (platform !== "linux") return devCerts.getHttpsServerOptions();
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!files.every((f) => fs.existsSync(f))) {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    files.forEach((f) => fs.rmSync(f, { force: true }));
    // generateCertificates says where it wrote them (console.log): our own line below says it once.
    const quiet = console.log;
    console.log = () => undefined;
    try {
      await generateCertificates();
    } finally {
      console.log = quiet;
    }
  }
  log(
    `[soil] https with the Office dev certificates in ${defaults.certificateDirectory} (on Linux the CA is not installed ` +
      "system-wide: a browser asks once, or import ca.crt into its certificate settings).",
  );
  const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
  return { ca, cert, key };
}

module.exports = { devHttpsOptions };
