/**
 * electron-builder afterPack hook: flips Electron's fuses in the packed executable before it is signed and
 * wrapped into the installer. Fuses are compiled-in switches that no command-line flag or environment
 * variable can turn back on:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node interpreter;
 * - NodeOptions env and --inspect arguments off: no code injected through NODE_OPTIONS or a debugger port;
 * - embedded asar integrity validation and only-load-from-asar on: a tampered app.asar or a loose app folder
 *   beside the exe is refused;
 * - cookie encryption on (defence in depth; the app keeps no cookies).
 * GrantFileProtocolExtraPrivileges stays as Electron sets it: the print window loads report HTML from file://.
 */
const path = require('node:path');

/** The fuse settings, exported so a test can check them without packaging. */
function fuseConfig(FuseVersion, FuseV1Options) {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
  };
}

/** Path of the packed Electron executable for the platform electron-builder just packed. */
function packedExecutable(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'win32': return path.join(context.appOutDir, `${name}.exe`);
    case 'darwin': return path.join(context.appOutDir, `${name}.app`);
    default: return path.join(context.appOutDir, context.packager.executableName ?? name);
  }
}

async function afterPack(context, fuses = require('@electron/fuses')) {
  const exe = packedExecutable(context);
  await fuses.flipFuses(exe, fuseConfig(fuses.FuseVersion, fuses.FuseV1Options));
  console.log(`  • fuses flipped  file=${path.basename(exe)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.packedExecutable = packedExecutable;
