/** The app version, injected by Vite at build time; Node tools read it from package.json's env. */
export const APP_VERSION: string =
  typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (globalThis.process?.env?.npm_package_version ?? '0.0.0');
